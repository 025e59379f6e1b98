use connect_lambda::ConnectResponse;

#[derive(ConnectResponse)]
union Reply {
    number: u32,
    flag: bool,
}

fn main() {}
