use connect_lambda::ConnectResponse;

// Every mistake is reported in one compile.
#[derive(ConnectResponse)]
#[connect(rename_all = "camelCase")]
struct Reply {
    #[connect(rename = "a b")]
    balance: String,
    #[connect(dispaly)]
    tries: u32,
    attempts: u8,
    #[connect(rename = "customerName")]
    name: String,
    customer_name: String,
}

fn main() {}
