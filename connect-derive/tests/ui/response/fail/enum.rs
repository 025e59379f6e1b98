use connect_lambda::ConnectResponse;

#[derive(ConnectResponse)]
enum Reply {
    Found { balance: String },
    Missing,
}

// The refused type is still usable as a response: no follow-on errors here.
fn respond() -> impl ConnectResponse {
    Reply::Missing
}

fn main() {
    let _ = respond();
}
