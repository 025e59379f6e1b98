use connect_lambda::ConnectResponse;

#[derive(ConnectResponse)]
struct Reply {
    #[connect(display)]
    digits: Vec<u8>,
}

fn main() {}
