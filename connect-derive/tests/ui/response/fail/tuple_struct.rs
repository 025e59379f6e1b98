use connect_lambda::ConnectResponse;

#[derive(ConnectResponse)]
struct Reply(String, String);

fn keys<T: ConnectResponse>() -> usize {
    T::external_keys().len()
}

fn main() {
    let _ = keys::<Reply>();
}
