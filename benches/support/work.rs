//! The work both benchmark handlers do, shared by every contender so that
//! only the event reading and the response writing differ between them.

/// The tutorial's `customerBalance`: a made-up balance derived from the
/// caller's number (a real handler would look it up).
pub fn customer_balance(phone: &str) -> String {
    let cents = phone
        .bytes()
        .filter(u8::is_ascii_digit)
        .fold(0_u32, |acc, d| (acc * 31 + u32::from(d - b'0')) % 100_000);
    format!("${}.{:02}", cents / 100, cents % 100)
}

/// The tutorial's `websiteUrl`, for the company the flow passed (if any).
pub fn website_url(company: Option<&str>) -> String {
    match company {
        Some(company) => format!("https://www.example.com/{company}/account"),
        None => "https://www.example.com/account".to_owned(),
    }
}

/// The JSON handler's `Flags`: what the flow may branch on.
pub fn caller_flags(phone: &str, greeting_played: Option<&str>) -> Vec<String> {
    let mut flags = Vec::new();
    if !phone.starts_with("+1") {
        flags.push("international".to_owned());
    }
    if greeting_played.is_some_and(|played| played.eq_ignore_ascii_case("true")) {
        flags.push("greeted".to_owned());
    }
    flags.push("verified".to_owned());
    flags
}
