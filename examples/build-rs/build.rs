//! Generates the pet store's types into `OUT_DIR`, as any crate would from its own build script.

fn main() {
    codegen::Builder::new("petstore")
        .spec("petstore.yaml")
        .derive("Eq")
        .derive("Hash")
        .type_derive("PetId", "Copy")
        .type_attribute("Pet", "#[must_use]")
        .replace("Tag", "crate::Label")
        .write()
        .unwrap_or_else(|err| panic!("{err}"));
}
