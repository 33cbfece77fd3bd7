//! IR -> syntax trees for operations: the request struct (a field per parameter, and the
//! body), its constructor, the response enum (a variant per documented status), and the
//! runtime's `Operation` impl: one constant that says what the spec says of the operation, a
//! `write` that shows the values to the runtime, and a `decode` per documented response. All
//! serializing, validating and status matching is the runtime's (`specgen_runtime::http`), so
//! an operation compiles to little more than its data.

use proc_macro2::{Literal, TokenStream};
use quote::quote;
use syn::{Item, Type};

use super::Scope;
use super::syntax::{Applies, doc_attrs, ident, parse_items};
use super::types::{Std, rust_type, shape_type, std_type};
use super::validate::schemas_path;
use crate::ir::{
    BodyShape, MediaKind, OperationDef, ParameterPlace, PathPiece, SchemeKindDef, StatusDef,
    TypeSpace,
};

/// The items of one operation.
pub(crate) fn emit_operation(scope: &Scope<'_>, op: &OperationDef) -> Vec<Item> {
    let name = ident(&op.path.name);
    let response_enum = ident(&op.response_name);
    let http = quote!(::specgen_runtime::http);
    let body_type = |shape: &BodyShape| -> Option<Type> {
        match shape {
            BodyShape::Typed(shape) => Some(shape_type(scope, shape)),
            BodyShape::Text => Some(std_type(scope, Std::String, Vec::new())),
            BodyShape::Bytes => Some(std_type(scope, Std::Vec, vec![syn::parse_quote!(u8)])),
            BodyShape::FormParameters => None,
        }
    };
    let optional = |ty: Type, required: bool| -> Type {
        if required {
            ty
        } else {
            std_type(scope, Std::Option, vec![ty])
        }
    };

    // The request struct.
    let mut fields = Vec::new();
    let mut required_args = Vec::new();
    let mut inits = Vec::new();
    for parameter in &op.parameters {
        let field = ident(&parameter.ident);
        let ty = shape_type(scope, &parameter.shape);
        let docs = doc_attrs(&parameter.docs, Applies::ToNext);
        let deprecated = parameter.deprecated.then(|| quote!(#[deprecated]));
        let field_ty = optional(shape_type(scope, &parameter.shape), parameter.required);
        fields.push(quote!(#(#docs)* #deprecated pub #field: #field_ty,));
        if parameter.required {
            required_args.push(quote!(#field: #ty));
            inits.push(quote!(#field,));
        } else {
            inits.push(quote!(#field: ::std::option::Option::None,));
        }
    }
    let body = op
        .body
        .as_ref()
        .filter(|body| body_type(&body.shape).is_some());
    if let Some(body) = body
        && let (Some(ty), Some(field_ty)) = (body_type(&body.shape), body_type(&body.shape))
    {
        let docs = doc_attrs(&body.docs, Applies::ToNext);
        let field_ty = optional(field_ty, body.required);
        fields.push(quote!(#(#docs)* pub body: #field_ty,));
        if body.required {
            required_args.push(quote!(body: #ty));
            inits.push(quote!(body,));
        } else {
            inits.push(quote!(body: ::std::option::Option::None,));
        }
    }
    let line = format!(
        "`{} {}{}`",
        op.method,
        op.path_parts
            .iter()
            .map(|piece| match piece {
                PathPiece::Literal(text) => text.clone(),
                PathPiece::Parameter(index) => format!("{{{}}}", op.parameters[*index].wire_name),
            })
            .collect::<String>(),
        if op.fixed_query.is_empty() {
            String::new()
        } else {
            format!(
                "?{}",
                op.fixed_query
                    .iter()
                    .map(|(k, v)| format!("{k}={v}"))
                    .collect::<Vec<_>>()
                    .join("&")
            )
        }
    );
    let docs = doc_attrs(
        &format!(
            "{}\n\n{line} (`{}`): send it with a [`Client`](::specgen_runtime::http::Client); its answer is a [`{}`].",
            op.docs, op.spec_name, op.response_name
        ),
        Applies::ToNext,
    );
    let deprecated = op.deprecated.then(|| quote!(#[deprecated]));
    let new_docs = format!(
        " The request, with the parameters {} requires; the others are `None`.",
        op.spec_name
    );

    // The response enum.
    let mut variants = Vec::new();
    let mut decode_arms = Vec::new();
    for (index, response) in op.responses.iter().enumerate() {
        let variant = ident(&response.ident);
        let status_note = match response.status {
            StatusDef::Code(code) => format!("`{code}`"),
            StatusDef::Range(hundreds) => format!("`{hundreds}XX`"),
            StatusDef::Default => "`default`".to_owned(),
        };
        let docs = doc_attrs(
            &format!("{status_note}: {}", response.docs),
            Applies::ToNext,
        );
        let with_status = !matches!(response.status, StatusDef::Code(_));
        let index = Literal::usize_unsuffixed(index);
        let read = response
            .body
            .as_ref()
            .map(|(media, shape)| match (media, shape) {
                (_, BodyShape::Text) => quote!(body.text()),
                (_, BodyShape::Bytes) => quote!(body.bytes()),
                (MediaKind::Json, _) | (_, _) => quote!(body.json()),
            });
        let ty = response
            .body
            .as_ref()
            .and_then(|(_, shape)| body_type(shape));
        match (ty, read, with_status) {
            (Some(ty), Some(read), false) => {
                variants.push(quote!(#(#docs)* #variant(#ty),));
                decode_arms.push(quote!(#index => #read.map(#response_enum::#variant),));
            }
            (Some(ty), Some(read), true) => {
                variants.push(quote!(#(#docs)* #variant(#http::StatusCode, #ty),));
                decode_arms.push(
                    quote!(#index => #read.map(|value| #response_enum::#variant(status, value)),),
                );
            }
            (_, _, false) => {
                variants.push(quote!(#(#docs)* #variant,));
                decode_arms
                    .push(quote!(#index => ::std::result::Result::Ok(#response_enum::#variant),));
            }
            (_, _, true) => {
                variants.push(quote!(#(#docs)* #variant(#http::StatusCode),));
                decode_arms.push(
                    quote!(#index => ::std::result::Result::Ok(#response_enum::#variant(status)),),
                );
            }
        }
    }
    let response_docs = format!(
        " The answers of [`{}`], one per status the spec documents.",
        op.path.name
    );

    // What the runtime needs to know.
    let schemas = schemas_path(scope);
    let path_parts = op.path_parts.iter().map(|piece| match piece {
        PathPiece::Literal(text) => quote!(#http::PathPart::Literal(#text)),
        PathPiece::Parameter(index) => {
            let index = Literal::usize_unsuffixed(*index);
            quote!(#http::PathPart::Parameter(#index))
        }
    });
    let fixed_query = op.fixed_query.iter().map(|(k, v)| quote!((#k, #v)));
    let parameters = op.parameters.iter().map(|parameter| {
        let wire = &parameter.wire_name;
        let place = ident(match parameter.place {
            ParameterPlace::Path => "Path",
            ParameterPlace::Query => "Query",
            ParameterPlace::Header => "Header",
            ParameterPlace::Cookie => "Cookie",
            ParameterPlace::Form => "Form",
        });
        let style = ident(parameter.style);
        let explode = parameter.explode;
        let schema = match parameter.node {
            Some(node) => {
                let node = Literal::u32_unsuffixed(node);
                quote!(::std::option::Option::Some(::specgen_runtime::Schema { schemas: &#schemas, node: #node, exact: false }))
            }
            None => quote!(::std::option::Option::None),
        };
        quote!(#http::ParameterInfo { name: #wire, place: #http::Place::#place, style: #http::Style::#style, explode: #explode, schema: #schema })
    });
    let body_info = match &op.body {
        Some(body) => {
            let content_type = &body.content_type;
            let media = media_ident(body.media);
            let required = body.required;
            quote!(::std::option::Option::Some(#http::BodyInfo { content_type: #content_type, media: #http::Media::#media, required: #required }))
        }
        None => quote!(::std::option::Option::None),
    };
    let security = op.security.iter().map(|alternative| {
        let schemes = alternative
            .iter()
            .map(|&index| scheme_tokens(scope.space, index));
        quote!(&[#(#schemes),*])
    });
    let responses = op.responses.iter().map(|response| {
        let status = match response.status {
            StatusDef::Code(code) => {
                let code = Literal::u16_unsuffixed(code);
                quote!(#http::StatusMatch::Code(#code))
            }
            StatusDef::Range(hundreds) => {
                let hundreds = Literal::u16_unsuffixed(hundreds);
                quote!(#http::StatusMatch::Range(#hundreds))
            }
            StatusDef::Default => quote!(#http::StatusMatch::Default),
        };
        let media = match &response.body {
            Some((media, _)) => {
                let media = media_ident(*media);
                quote!(::std::option::Option::Some(#http::Media::#media))
            }
            None => quote!(::std::option::Option::None),
        };
        quote!(#http::ResponseInfo { status: #status, media: #media })
    });
    let spec_name = &op.spec_name;
    let method = &op.method;
    let writes = op.parameters.iter().enumerate().map(|(index, parameter)| {
        let field = ident(&parameter.ident);
        let index = Literal::usize_unsuffixed(index);
        if parameter.required {
            quote!(writer.parameter(#index, ::std::option::Option::Some(&self.#field));)
        } else {
            quote!(writer.parameter(#index, self.#field.as_ref());)
        }
    });
    let write_body = body.map(|body| {
        let value = if body.required {
            quote!(::std::option::Option::Some(&self.body))
        } else {
            quote!(self.body.as_ref())
        };
        match body.shape {
            BodyShape::Text => {
                if body.required {
                    quote!(writer.raw_body(::std::option::Option::Some(self.body.as_bytes()));)
                } else {
                    quote!(writer.raw_body(self.body.as_ref().map(|text| text.as_bytes()));)
                }
            }
            BodyShape::Bytes => {
                if body.required {
                    quote!(writer.raw_body(::std::option::Option::Some(&self.body));)
                } else {
                    quote!(writer.raw_body(self.body.as_deref());)
                }
            }
            _ => quote!(writer.body(#value);),
        }
    });
    let allow_deprecated = op.deprecated.then(|| quote!(#[allow(deprecated)]));
    // With nothing required, `new()` is the default, and clippy wants it as `Default`.
    let default = required_args.is_empty().then(|| quote!(Default,));
    let new_fn = quote! {
        #[doc = #new_docs]
        #[allow(clippy::too_many_arguments)]
        #[inline]
        pub fn new(#(#required_args),*) -> Self {
            Self { #(#inits)* }
        }
    };
    let task = op.task.as_ref().map(|task| {
        let result = match &task.result {
            Some(ty) => {
                let ty = rust_type(scope, ty);
                quote!(#ty)
            }
            None => quote!(::serde_json::Value),
        };
        let error = match &task.error {
            Some(ty) => {
                let ty = rust_type(scope, ty);
                quote!(#ty)
            }
            None => quote!(::serde_json::Value),
        };
        let accepted = ident(&task.accepted);
        quote! {
            #allow_deprecated
            impl ::specgen_runtime::vapi::TaskOperation for #name {
                type Result = #result;
                type Error = #error;

                #[inline]
                fn task_id(response: #response_enum) -> ::std::result::Result<::std::string::String, #response_enum> {
                    match response {
                        #response_enum::#accepted(id) => ::std::result::Result::Ok(id),
                        other => ::std::result::Result::Err(other),
                    }
                }
            }
        }
    });
    // The error statuses' body, where they all have one type: readable without matching.
    let error_accessor = match op.error_body() {
        Some(first) => {
            let ty = shape_type(scope, first);
            let arms = op.responses.iter().filter_map(|r| {
                let variant = ident(&r.ident);
                let is_error = r.status.is_error();
                match (&r.body, r.status) {
                    (Some((_, BodyShape::Typed(_))), StatusDef::Code(_)) if is_error => {
                        Some(quote!(Self::#variant(error) => ::std::option::Option::Some(error),))
                    }
                    (Some((_, BodyShape::Typed(_))), _) if is_error => Some(
                        quote!(Self::#variant(_, error) => ::std::option::Option::Some(error),),
                    ),
                    _ => None,
                }
            });
            Some(quote! {
                impl #response_enum {
                    /// The error the server answered with, for any error status the spec documents.
                    #[inline]
                    pub fn error(&self) -> ::std::option::Option<&#ty> {
                        #[allow(unreachable_patterns)]
                        match self {
                            #(#arms)*
                            _ => ::std::option::Option::None,
                        }
                    }
                }
            })
        }
        _ => None,
    };
    parse_items(quote! {
        #task
        #error_accessor

        #(#docs)*
        #deprecated
        #[derive(Debug, Clone, PartialEq, #default)]
        // Built by `new` and then set, so that a new optional parameter breaks no caller.
        #[non_exhaustive]
        pub struct #name {
            #(#fields)*
        }

        #allow_deprecated
        impl #name {
            #new_fn
        }

        #[doc = #response_docs]
        #[derive(Debug, Clone, PartialEq)]
        // Each variant holds its body as the spec has it: a success and an error body differ in
        // size, and a response is matched once, not moved about.
        #[allow(clippy::large_enum_variant)]
        // A status the spec comes to document is a new variant, which must not break a `match`.
        #[non_exhaustive]
        pub enum #response_enum {
            #(#variants)*
        }

        #allow_deprecated
        impl #http::Operation for #name {
            type Response = #response_enum;

            const INFO: #http::OperationInfo = #http::OperationInfo {
                name: #spec_name,
                method: #method,
                path: &[#(#path_parts),*],
                fixed_query: &[#(#fixed_query),*],
                parameters: &[#(#parameters),*],
                body: #body_info,
                security: &[#(#security),*],
                responses: &[#(#responses),*],
            };

            fn write<W: #http::RequestWriter>(&self, writer: &mut W) {
                let _ = &writer;
                #(#writes)*
                #write_body
            }

            // Inline, as the runtime's macros write every function: only a crate that calls the
            // operation compiles its decoders.
            #[inline]
            fn decode(index: usize, status: #http::StatusCode, body: #http::Body<'_>) -> ::std::result::Result<#response_enum, ::specgen_runtime::ValidationErrors> {
                let _ = (&status, &body);
                match index {
                    #(#decode_arms)*
                    _ => ::std::result::Result::Err(#http::no_such_response(index)),
                }
            }
        }
    })
}

fn media_ident(media: MediaKind) -> proc_macro2::Ident {
    ident(match media {
        MediaKind::Json => "Json",
        MediaKind::Form => "Form",
        MediaKind::Multipart => "Multipart",
        MediaKind::Text => "Text",
        MediaKind::Bytes => "Bytes",
    })
}

fn scheme_tokens(space: &TypeSpace, index: usize) -> TokenStream {
    let http = quote!(::specgen_runtime::http);
    let scheme = &space.security_schemes[index];
    let name = &scheme.name;
    let kind = match &scheme.kind {
        SchemeKindDef::Basic => quote!(#http::SchemeKind::Basic),
        SchemeKindDef::Bearer => quote!(#http::SchemeKind::Bearer),
        SchemeKindDef::ApiKeyHeader(key) => quote!(#http::SchemeKind::ApiKeyHeader(#key)),
        SchemeKindDef::ApiKeyQuery(key) => quote!(#http::SchemeKind::ApiKeyQuery(#key)),
        SchemeKindDef::ApiKeyCookie(key) => quote!(#http::SchemeKind::ApiKeyCookie(#key)),
        SchemeKindDef::Authorization => quote!(#http::SchemeKind::Authorization),
    };
    quote!(#http::SecurityScheme { name: #name, kind: #kind })
}

/// The items at the top of the operations' module: the spec's servers, the base URL for a
/// server the user names, and the security schemes' names.
pub(crate) fn emit_operations_root(space: &TypeSpace) -> Vec<Item> {
    let http = quote!(::specgen_runtime::http);
    let servers = space.servers.iter().map(|server| {
        let url = &server.url;
        let variables = server.variables.iter().map(|(k, v)| quote!((#k, #v)));
        quote!(#http::Server { url: #url, variables: &[#(#variables),*] })
    });
    // Constants claim their names beside `SERVERS`: two schemes whose names differ only in
    // case or punctuation get numbered ones.
    let mut constants = crate::naming::Namespace::default();
    constants.claim("SERVERS");
    let schemes = space.security_schemes.iter().map(|scheme| {
        let name = &scheme.name;
        let constant = ident(&constants.claim(&crate::naming::constant_ident(name)));
        let docs =
            format!(" The security scheme `{name}`: give its credential to a client by this name.");
        quote!(#[doc = #docs] pub const #constant: &str = #name;)
    });
    parse_items(quote! {
        /// The servers the spec names; the first is the default.
        pub const SERVERS: &[#http::Server] = &[#(#servers),*];

        /// The base URL of the API on `server` (`https://vcenter.example`, a host with its
        /// scheme): with the path of the spec's first server. A URL with a path of its own is
        /// taken as it is.
        #[inline]
        pub fn base_url(server: &str) -> ::std::string::String {
            #http::base_url(server, SERVERS)
        }

        #(#schemes)*
    })
}
