use connect_lambda::ConnectValue;

#[derive(ConnectValue)]
#[connect(crate = "::connect_lambda", crate = "::connect_lambda")]
enum Next {
    None,
}

fn main() {}
