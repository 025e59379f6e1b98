use connect_lambda::ConnectResponse;

#[derive(ConnectResponse)]
#[connect(rename_all = "camelCase")]
struct Reply {
    customer_balance: String,
    #[connect(rename = "customerBalance")]
    balance_text: String,
}

fn main() {}
