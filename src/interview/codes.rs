//! The contract's codes for an enum's values, read from its serde derive, never retyped: every value in order
//! ([`codes`], for a choice's options) and the code of one value ([`code_of`], for reading a case back as answers).

use serde::de::Deserialize;
use serde::{Deserializer, Serialize};

/// The serde names of an enum's values, in the order declared: read from its `Deserialize`, never retyped.
pub fn codes<'de, T: Deserialize<'de>>() -> &'static [&'static str] {
    struct Capture(&'static [&'static str]);
    impl<'de> Deserializer<'de> for &mut Capture {
        type Error = serde::de::value::Error;
        fn deserialize_any<V: serde::de::Visitor<'de>>(
            self,
            _: V,
        ) -> Result<V::Value, Self::Error> {
            Err(serde::de::Error::custom("not an enum"))
        }
        fn deserialize_enum<V: serde::de::Visitor<'de>>(
            self,
            _: &'static str,
            variants: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            self.0 = variants;
            Err(serde::de::Error::custom("captured"))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
            unit_struct newtype_struct seq tuple tuple_struct map struct identifier ignored_any
        }
    }
    let mut capture = Capture(&[]);
    let _ = T::deserialize(&mut capture);
    capture.0
}

/// The serde name of one enum value (`Leaving::Cto` → `cto`): read from its `Serialize`, never retyped.
pub fn code_of<T: Serialize>(value: &T) -> String {
    use serde::ser::{Error, Impossible};
    #[derive(Debug)]
    struct NotACode;
    impl std::fmt::Display for NotACode {
        fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("not an enum value")
        }
    }
    impl std::error::Error for NotACode {}
    impl Error for NotACode {
        fn custom<M: std::fmt::Display>(_: M) -> Self {
            NotACode
        }
    }
    struct Name;
    macro_rules! refuse {
        ($($f:ident($($t:ty),*)),*) => {
            $(fn $f(self, $(_: $t),*) -> Result<String, NotACode> { Err(NotACode) })*
        };
    }
    impl serde::Serializer for Name {
        type Ok = String;
        type Error = NotACode;
        type SerializeSeq = Impossible<String, NotACode>;
        type SerializeTuple = Impossible<String, NotACode>;
        type SerializeTupleStruct = Impossible<String, NotACode>;
        type SerializeTupleVariant = Impossible<String, NotACode>;
        type SerializeMap = Impossible<String, NotACode>;
        type SerializeStruct = Impossible<String, NotACode>;
        type SerializeStructVariant = Impossible<String, NotACode>;
        fn serialize_unit_variant(
            self,
            _: &'static str,
            _: u32,
            variant: &'static str,
        ) -> Result<String, NotACode> {
            Ok(variant.to_owned())
        }
        fn serialize_str(self, v: &str) -> Result<String, NotACode> {
            Ok(v.to_owned())
        }
        refuse!(
            serialize_bool(bool),
            serialize_i8(i8),
            serialize_i16(i16),
            serialize_i32(i32),
            serialize_i64(i64),
            serialize_u8(u8),
            serialize_u16(u16),
            serialize_u32(u32),
            serialize_u64(u64),
            serialize_f32(f32),
            serialize_f64(f64),
            serialize_char(char),
            serialize_bytes(&[u8]),
            serialize_none(),
            serialize_unit(),
            serialize_unit_struct(&'static str)
        );
        fn serialize_some<V: ?Sized + Serialize>(self, _: &V) -> Result<String, NotACode> {
            Err(NotACode)
        }
        fn serialize_newtype_struct<V: ?Sized + Serialize>(
            self,
            _: &'static str,
            v: &V,
        ) -> Result<String, NotACode> {
            v.serialize(self)
        }
        fn serialize_newtype_variant<V: ?Sized + Serialize>(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: &V,
        ) -> Result<String, NotACode> {
            Err(NotACode)
        }
        fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, NotACode> {
            Err(NotACode)
        }
        fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, NotACode> {
            Err(NotACode)
        }
        fn serialize_tuple_struct(
            self,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleStruct, NotACode> {
            Err(NotACode)
        }
        fn serialize_tuple_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleVariant, NotACode> {
            Err(NotACode)
        }
        fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, NotACode> {
            Err(NotACode)
        }
        fn serialize_struct(
            self,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeStruct, NotACode> {
            Err(NotACode)
        }
        fn serialize_struct_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeStructVariant, NotACode> {
            Err(NotACode)
        }
    }
    value.serialize(Name).unwrap_or_default()
}
