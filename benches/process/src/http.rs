//! The least HTTP/1.1 the Runtime API needs, over a blocking stream: a
//! message's head and its body (by `Content-Length`, or chunked), shared by
//! the driver (the server side) and the floor (the client side).

use std::io::{self, BufRead};

/// A request or response head: its first line and its headers.
#[allow(dead_code)] // the floor reads only headers
pub struct Head {
    pub first_line: String,
    pub headers: Vec<(String, String)>,
}

impl Head {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

/// Reads one message (head and body); `None` at the end of the stream.
pub fn read_message(stream: &mut impl BufRead) -> io::Result<Option<(Head, Vec<u8>)>> {
    let mut first_line = String::new();
    if stream.read_line(&mut first_line)? == 0 {
        return Ok(None);
    }
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        stream.read_line(&mut line)?;
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((key, value)) = line.split_once(':') {
            headers.push((key.trim().to_owned(), value.trim().to_owned()));
        }
    }
    let head = Head {
        first_line: first_line.trim_end().to_owned(),
        headers,
    };
    let mut body = Vec::new();
    if head
        .header("transfer-encoding")
        .is_some_and(|value| value.eq_ignore_ascii_case("chunked"))
    {
        loop {
            let mut size = String::new();
            stream.read_line(&mut size)?;
            let size = usize::from_str_radix(size.trim(), 16)
                .map_err(|_| io::Error::other("a bad chunk size"))?;
            let start = body.len();
            body.resize(start + size, 0);
            stream.read_exact(&mut body[start..])?;
            let mut end = String::new();
            stream.read_line(&mut end)?;
            if size == 0 {
                break;
            }
        }
    } else if let Some(length) = head.header("content-length") {
        let length: usize = length
            .parse()
            .map_err(|_| io::Error::other("a bad Content-Length"))?;
        body.resize(length, 0);
        stream.read_exact(&mut body)?;
    }
    Ok(Some((head, body)))
}
