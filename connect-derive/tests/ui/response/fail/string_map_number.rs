use connect_lambda::ConnectResponse;

#[derive(ConnectResponse)]
struct Balance {
    customer_balance: String,
    balance: u64,
}

fn main() {}
