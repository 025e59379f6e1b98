use connect_lambda::ConnectResponse;

#[derive(ConnectResponse)]
struct Orders {
    order_ids: Vec<String>,
}

fn main() {}
