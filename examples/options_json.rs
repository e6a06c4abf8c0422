//! Writes the option table (src/engine/option_table.rs) as JSON on stdout: `make options` puts
//! it in api/options.json, from which the bindings' option types and the header's option lists
//! are generated (scripts/gen_options.py).

fn main() {
    let table = docker_containers::engine::option_table::to_json();
    println!(
        "{}",
        serde_json::to_string_pretty(&table).expect("the table is JSON")
    );
}
