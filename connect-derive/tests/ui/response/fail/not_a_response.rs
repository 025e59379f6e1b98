use connect_lambda::ConnectResponse;

#[derive(serde::Serialize)]
struct Reply {
    balance: String,
}

fn send<T: ConnectResponse>(response: &T) -> Vec<u8> {
    response.to_response_bytes().unwrap()
}

fn main() {
    send(&Reply { balance: "7".into() });
}
