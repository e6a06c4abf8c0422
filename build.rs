// Gives the shared library a versioned soname (libdocker_containers.so.MAJOR), so programs link
// against the ABI generation rather than a file name. (0.x: the minor version is the ABI.)
fn main() {
    // Without this, any file changed anywhere in the package (bindings, tests) reruns the build.
    println!("cargo:rerun-if-changed=build.rs");
    let target_os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if target_os == "linux" {
        let major = std::env::var("CARGO_PKG_VERSION_MAJOR").unwrap_or_else(|_| "0".into());
        let minor = std::env::var("CARGO_PKG_VERSION_MINOR").unwrap_or_else(|_| "0".into());
        let abi = if major == "0" {
            format!("0.{minor}")
        } else {
            major
        };
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libdocker_containers.so.{abi}");
    }
}
