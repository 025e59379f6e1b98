use connect_lambda::ConnectValue;

#[derive(ConnectValue)]
struct Next {
    step: String,
}

fn main() {}
