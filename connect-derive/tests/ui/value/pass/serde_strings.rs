// The strings are serde's, for every case serde knows: what serde_json
// writes for each variant is what `ALL` and `as_str` say.
use connect_lambda::ConnectValue;
use serde::{Deserialize, Serialize};

macro_rules! cased {
    ($name:ident, $case:literal) => {
        #[derive(Serialize, Deserialize, ConnectValue, Clone, Copy)]
        #[serde(rename_all = $case)]
        enum $name {
            None,
            Speak,
            TransferToAgent,
            #[serde(rename = "hang-up")]
            HangUp,
            Vip2Queue,
        }

        impl $name {
            const EACH: [$name; 5] = [
                $name::None,
                $name::Speak,
                $name::TransferToAgent,
                $name::HangUp,
                $name::Vip2Queue,
            ];
        }
    };
}

cased!(Lower, "lowercase");
cased!(Upper, "UPPERCASE");
cased!(Pascal, "PascalCase");
cased!(Camel, "camelCase");
cased!(Snake, "snake_case");
cased!(ScreamingSnake, "SCREAMING_SNAKE_CASE");
cased!(Kebab, "kebab-case");
cased!(ScreamingKebab, "SCREAMING-KEBAB-CASE");

/// No `rename_all`: the variants' names; a raw identifier without `r#`;
/// `rename(serialize, deserialize)` that agree; serde options that do not
/// change the strings.
#[derive(Serialize, Deserialize, ConnectValue, Clone, Copy)]
#[serde(deny_unknown_fields, expecting = "a step")]
#[serde(rename_all(serialize = "camelCase", deserialize = "camelCase"))]
enum Plain {
    #[serde(rename(serialize = "go", deserialize = "go"))]
    Go,
    r#Type,
    StayHere,
}

fn check<T: ConnectValue + Serialize + Copy>(each: &[T]) {
    let sent: Vec<String> = each
        .iter()
        .map(|value| serde_json::to_value(value).unwrap().as_str().unwrap().to_owned())
        .collect();
    assert_eq!(T::ALL, sent);
    for value in each {
        assert_eq!(serde_json::to_value(value).unwrap(), value.as_str());
    }
}

fn main() {
    check(&Lower::EACH);
    check(&Upper::EACH);
    check(&Pascal::EACH);
    check(&Camel::EACH);
    check(&Snake::EACH);
    check(&ScreamingSnake::EACH);
    check(&Kebab::EACH);
    check(&ScreamingKebab::EACH);
    check(&[Plain::Go, Plain::r#Type, Plain::StayHere]);
    assert_eq!(Camel::ALL, ["none", "speak", "transferToAgent", "hang-up", "vip2Queue"]);
    assert_eq!(Snake::ALL, ["none", "speak", "transfer_to_agent", "hang-up", "vip2_queue"]);
    assert_eq!(Plain::ALL, ["go", "type", "stayHere"]);
    assert_eq!(
        <Camel as connect_lambda::manifest::ManifestType>::VALUES,
        Some(Camel::ALL)
    );
}
