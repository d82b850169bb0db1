//! The serde side of the plain reader: the `Deserializer` over a [`Reader`], and the accesses for
//! struct fields, list items and enum variants, each step as `ron` takes it.

use serde::de::{self, DeserializeSeed, Visitor};

use super::{MAX_DEPTH, Reader, Result, Text, Unsure};

impl<'de> Reader<'de> {
    /// Runs `inside` one level deeper, refusing beyond [`MAX_DEPTH`].
    fn nested<T>(&mut self, inside: impl FnOnce(&mut Self) -> Result<T>) -> Result<T> {
        if self.depth >= MAX_DEPTH {
            return Err(Unsure);
        }
        self.depth += 1;
        let value = inside(self)?;
        self.depth -= 1;
        Ok(value)
    }

    /// `(field: value, …)` from its `(`, fields handed to `visitor`.
    fn fields<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        self.eat(b'(')?;
        self.nested(|reader| {
            let value = visitor.visit_map(Items {
                reader: &mut *reader,
                close: b')',
                had_comma: true,
            })?;
            reader.skip_ws()?;
            reader.eat(b')')?;
            Ok(value)
        })
    }
}

/// The items of a list or the fields of a struct, up to the `close` bracket.
struct Items<'a, 'de> {
    reader: &'a mut Reader<'de>,
    close: u8,
    /// Whether the last item was followed by a comma (true before the first).
    had_comma: bool,
}

impl Items<'_, '_> {
    /// Whether another item follows (`ron`'s rule: an item needs a comma before it, the closing
    /// bracket may have one or not).
    fn has_item(&mut self) -> Result<bool> {
        self.reader.skip_ws()?;
        if self.reader.peek() == Some(self.close) {
            Ok(false)
        } else if self.had_comma {
            Ok(true)
        } else {
            Err(Unsure)
        }
    }
}

impl<'de> de::SeqAccess<'de> for Items<'_, 'de> {
    type Error = Unsure;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if !self.has_item()? {
            return Ok(None);
        }
        let value = seed.deserialize(&mut *self.reader)?;
        self.had_comma = self.reader.comma()?;
        Ok(Some(value))
    }
}

impl<'de> de::MapAccess<'de> for Items<'_, 'de> {
    type Error = Unsure;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if !self.has_item()? {
            return Ok(None);
        }
        let name = self.reader.ident()?;
        seed.deserialize(de::value::BorrowedStrDeserializer::new(name))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        self.reader.skip_ws()?;
        self.reader.eat(b':')?;
        self.reader.skip_ws()?;
        let value = seed.deserialize(&mut *self.reader)?;
        self.had_comma = self.reader.comma()?;
        Ok(value)
    }
}

impl<'de> de::EnumAccess<'de> for &mut Reader<'de> {
    type Error = Unsure;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        let name = self.ident()?;
        let value = seed.deserialize(de::value::BorrowedStrDeserializer::new(name))?;
        Ok((value, self))
    }
}

impl<'de> de::VariantAccess<'de> for &mut Reader<'de> {
    type Error = Unsure;

    fn unit_variant(self) -> Result<()> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _: T) -> Result<T::Value> {
        Err(Unsure)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value> {
        Err(Unsure)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.skip_ws()?;
        self.fields(visitor)
    }
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = Unsure;

    /// Self-describing reading is not plain: `ron` guesses types from the text.
    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(Unsure)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.string()? {
            Text::Borrowed(s) => visitor.visit_borrowed_str(s),
            Text::Owned(s) => visitor.visit_string(s),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    /// Only a bare string, under `implicit_some`.
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.implicit_some && self.peek() == Some(b'"') {
            visitor.visit_some(self)
        } else {
            Err(Unsure)
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.eat(b'[')?;
        self.nested(|reader| {
            let value = visitor.visit_seq(Items {
                reader: &mut *reader,
                close: b']',
                had_comma: true,
            })?;
            reader.skip_ws()?;
            reader.eat(b']')?;
            Ok(value)
        })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        // `ron` reads these from range syntax (`1..2`).
        if name.is_empty() || name.starts_with("Range") {
            return Err(Unsure);
        }
        if self.peek() != Some(b'(') && self.ident()? != name {
            return Err(Unsure);
        }
        self.skip_ws()?;
        self.fields(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.nested(|reader| visitor.visit_enum(&mut *reader))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char bytes byte_buf unit
        unit_struct newtype_struct tuple tuple_struct map identifier ignored_any
    }
}
