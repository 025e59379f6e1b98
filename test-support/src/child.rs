//! The one way the tests run a child process: its stdout and stderr read
//! from the start on threads of their own (a child that writes more than a
//! pipe holds never blocks), collected with a time limit, and the process
//! killed and reaped when dropped, so a failing test leaves none behind.
//! `process_checks` (the tests that re-run themselves) and the examples'
//! tests (the example binaries, as commands and as Lambda functions) all
//! start their children through [`Running`].

use std::io::Read;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// A started child whose output is being read.
pub struct Running {
    child: Child,
    stdout: Option<JoinHandle<Vec<u8>>>,
    stderr: Option<JoinHandle<Vec<u8>>>,
}

/// What a finished child wrote and its exit code (`None` when a signal
/// ended it).
pub struct Output {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Output {
    /// Everything the process wrote, stdout then stderr.
    pub fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

impl Running {
    /// Starts `command` with stdout and stderr piped (its stdin is as the
    /// command sets it) and begins reading both.
    ///
    /// # Errors
    /// The process cannot be started: the OS's reason.
    pub fn start(mut command: Command) -> Result<Running, String> {
        let mut child = command
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|error| error.to_string())?;
        let stdout = child.stdout.take().map(drain);
        let stderr = child.stderr.take().map(drain);
        Ok(Running {
            child,
            stdout,
            stderr,
        })
    }

    /// The child's stdin, when it was piped and not taken yet.
    pub fn stdin(&mut self) -> Option<ChildStdin> {
        self.child.stdin.take()
    }

    /// The exit status, if the process has ended.
    pub fn exited(&mut self) -> Option<ExitStatus> {
        self.child.try_wait().ok().flatten()
    }

    /// Waits for the child to end (killing it first when `stop`: a server
    /// runs until told) and returns what it wrote; fails when it runs longer
    /// than `within`.
    ///
    /// # Errors
    /// The child outlived `within` (it is killed), or could not be waited on.
    pub fn finish(mut self, stop: bool, within: Duration) -> Result<Output, String> {
        if stop {
            let _ = self.child.kill();
        }
        let started = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().map_err(|error| error.to_string())? {
                break status;
            }
            if started.elapsed() >= within {
                return Err(format!("the child ran for more than {within:?}"));
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        // The pipes close with the process: the readers end.
        let text = |reader: Option<JoinHandle<Vec<u8>>>| {
            let bytes = reader
                .map(|r| r.join().unwrap_or_default())
                .unwrap_or_default();
            String::from_utf8_lossy(&bytes).into_owned()
        };
        Ok(Output {
            code: status.code(),
            stdout: text(self.stdout.take()),
            stderr: text(self.stderr.take()),
        })
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        // SIGKILL, then reap: bounded, and no zombie is left (a no-op for a
        // child that has ended).
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Reads a child's stream to its end on a thread of its own.
fn drain(mut stream: impl Read + Send + 'static) -> JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = stream.read_to_end(&mut bytes);
        bytes
    })
}
