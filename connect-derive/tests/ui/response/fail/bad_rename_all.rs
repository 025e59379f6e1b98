use connect_lambda::ConnectResponse;

#[derive(ConnectResponse)]
#[connect(rename_all = "camelcase")]
struct Reply {
    customer_balance: String,
}

fn main() {}
