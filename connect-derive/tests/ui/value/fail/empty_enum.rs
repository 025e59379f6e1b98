use connect_lambda::ConnectValue;

#[derive(ConnectValue)]
enum Never {}

fn main() {}
