use connect_lambda::ConnectValue;

#[derive(ConnectValue)]
#[connect]
enum Next {
    None,
}

fn main() {}
