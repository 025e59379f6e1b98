use connect_lambda::ConnectValue;

#[derive(ConnectValue)]
#[connect(crat = "::connect_lambda")]
enum Next {
    None,
}

fn main() {}
