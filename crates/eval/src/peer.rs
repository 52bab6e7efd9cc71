//! Running a peer tool (a Python script in `eval/peers/`) on the same inputs as newsgraph.
//!
//! The Python environment is made by `eval/peers/setup.sh`; the interpreter can also be
//! given with `NEWSGRAPH_PEERS_PYTHON`.

use crate::EvalError;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// Where the peer scripts are, relative to the repository root.
pub const PEERS_DIR: &str = "eval/peers";

/// The Python interpreter of the peer environment: `NEWSGRAPH_PEERS_PYTHON`, or what
/// `eval/peers/setup.sh` prints (it creates the environment on first use).
pub fn python() -> Result<PathBuf, EvalError> {
    if let Some(p) = std::env::var_os("NEWSGRAPH_PEERS_PYTHON") {
        return Ok(PathBuf::from(p));
    }
    let setup = Path::new(PEERS_DIR).join("setup.sh");
    if !setup.is_file() {
        return Err(EvalError::Peer(format!(
            "{} not found: run evaluations from the repository root, or set NEWSGRAPH_PEERS_PYTHON",
            setup.display()
        )));
    }
    let out = Command::new("bash")
        .arg(&setup)
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| EvalError::Peer(format!("cannot run {}: {e}", setup.display())))?;
    if !out.status.success() {
        return Err(EvalError::Peer(format!(
            "{} failed (no network to install the peer tools?)",
            setup.display()
        )));
    }
    let path = String::from_utf8_lossy(&out.stdout).trim().lines().last().unwrap_or("").to_string();
    if path.is_empty() {
        return Err(EvalError::Peer(format!("{} printed no interpreter path", setup.display())));
    }
    Ok(PathBuf::from(path))
}

/// Run `script` with the peer interpreter, feeding `input` lines on standard input, and
/// return its standard output lines.
pub fn run(script: &str, input: &[String]) -> Result<Vec<String>, EvalError> {
    let python = python()?;
    let script_path = Path::new(PEERS_DIR).join(script);
    let mut child = Command::new(&python)
        .arg(&script_path)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| EvalError::Peer(format!("cannot start {}: {e}", python.display())))?;
    let mut stdin = child.stdin.take().ok_or_else(|| EvalError::Peer("no stdin for the peer".into()))?;
    let input = input.join("\n");
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
        let _ = stdin.write_all(b"\n");
    });
    let out = child.wait_with_output().map_err(|e| EvalError::Peer(format!("peer failed: {e}")))?;
    let _ = writer.join();
    if !out.status.success() {
        return Err(EvalError::Peer(format!("{} exited with {}", script_path.display(), out.status)));
    }
    Ok(String::from_utf8_lossy(&out.stdout).lines().map(str::to_string).collect())
}
