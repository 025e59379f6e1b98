//! A newtype of your own is a string once it implements `StringLike`.
use connect_lambda::response::StringLike;
use connect_lambda::ConnectResponse;

struct AccountId(String);

impl StringLike for AccountId {
    fn as_response_str(&self) -> Option<&str> {
        Some(&self.0)
    }
}

#[derive(ConnectResponse)]
struct Reply {
    account: AccountId,
    previous: Option<AccountId>,
}

fn main() {}
