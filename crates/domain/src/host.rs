//! Host names as they arrive in the `Host` header, normalised once.

use std::fmt;

/// A lower-cased host name without port or trailing dot, e.g. `pixelforge.example`.
/// IPv6 literals are kept without their brackets (`::1`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HostName(String);

/// Why a host name was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HostNameError {
    #[error("the host name is empty")]
    Empty,
    #[error("the host name is longer than 253 characters")]
    TooLong,
    #[error("the host name may only contain letters, digits, dots and hyphens")]
    InvalidCharacter,
    #[error(
        "each part of a host name must be 1 to 63 characters and not start or end with a hyphen"
    )]
    InvalidLabel,
}

impl HostName {
    /// Parses the value of a `Host` header: lower-cases it, strips a port and a trailing dot.
    pub fn from_header(raw: &str) -> Result<HostName, HostNameError> {
        let raw = raw.trim();
        if let Some(rest) = raw.strip_prefix('[') {
            // An IPv6 literal, optionally followed by :port.
            let end = rest.find(']').ok_or(HostNameError::InvalidCharacter)?;
            let literal = &rest[..end];
            if literal.is_empty() || !literal.chars().all(|c| c.is_ascii_hexdigit() || c == ':') {
                return Err(HostNameError::InvalidCharacter);
            }
            return Ok(HostName(literal.to_ascii_lowercase()));
        }
        let without_port = match raw.rsplit_once(':') {
            Some((host, port)) if port.chars().all(|c| c.is_ascii_digit()) => host,
            Some(_) => return Err(HostNameError::InvalidCharacter),
            None => raw,
        };
        Self::parse(without_port)
    }

    /// Parses a configured domain name (no port allowed).
    pub fn parse(raw: &str) -> Result<HostName, HostNameError> {
        let name = raw.trim().trim_end_matches('.').to_ascii_lowercase();
        if name.is_empty() {
            return Err(HostNameError::Empty);
        }
        if name.len() > 253 {
            return Err(HostNameError::TooLong);
        }
        if !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
        {
            return Err(HostNameError::InvalidCharacter);
        }
        let labels_ok = name.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
        });
        if !labels_ok {
            return Err(HostNameError::InvalidLabel);
        }
        Ok(HostName(name))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether this host always means "this machine" (served by the default tenant).
    pub fn is_loopback(&self) -> bool {
        matches!(self.0.as_str(), "localhost" | "127.0.0.1" | "::1")
    }

    /// Whether this can be a site's own domain on the public internet: a name of two labels
    /// or more whose last label (the top-level domain) is neither a number nor hexadecimal
    /// (so no IP address in any spelling: `10.0.0.1`, `999.1.1.1`, `127.0.0.0x1`), no IPv6
    /// literal, and not one of the names kept for private networks (`.local`, `.internal`,
    /// `.lan`, `home.arpa`, `.localhost`, `.onion`, `.invalid`).
    pub fn is_public_name(&self) -> bool {
        const PRIVATE: [&str; 7] = [
            "local",
            "internal",
            "lan",
            "arpa",
            "localhost",
            "onion",
            "invalid",
        ];
        let name = self.0.as_str();
        let Some((_, top)) = name.rsplit_once('.') else {
            return false;
        };
        let numeric = top.chars().all(|c| c.is_ascii_digit()) || top.starts_with("0x");
        !name.contains(':') && !numeric && !PRIVATE.contains(&top)
    }

    /// For `{label}.{base}`, the single label in front of `base`.
    pub fn subdomain_of(&self, base: &HostName) -> Option<&str> {
        let prefix = self.0.strip_suffix(base.as_str())?.strip_suffix('.')?;
        (!prefix.is_empty() && !prefix.contains('.')).then_some(prefix)
    }
}

impl fmt::Display for HostName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn host(raw: &str) -> HostName {
        HostName::from_header(raw).unwrap_or_else(|e| panic!("{raw}: {e}"))
    }

    #[test]
    fn header_is_lower_cased_and_loses_port_and_trailing_dot() {
        assert_eq!(
            host("PixelForge.Example:8080").as_str(),
            "pixelforge.example"
        );
        assert_eq!(host("pixelforge.example.").as_str(), "pixelforge.example");
        assert_eq!(host("[::1]:8080").as_str(), "::1");
        assert_eq!(host("127.0.0.1:80").as_str(), "127.0.0.1");
    }

    #[test]
    fn garbage_hosts_are_refused() {
        for raw in [
            "",
            "a b",
            "exa_mple.com",
            "-bad.com",
            "a..b",
            "x.com:abc",
            "[zz]",
            "ü.com",
        ] {
            assert!(HostName::from_header(raw).is_err(), "{raw:?} was accepted");
        }
    }

    #[test]
    fn loopback_names_are_recognised() {
        assert!(host("localhost:8080").is_loopback());
        assert!(host("127.0.0.1").is_loopback());
        assert!(host("[::1]").is_loopback());
        assert!(!host("localhost.example").is_loopback());
    }

    #[test]
    fn subdomain_is_one_label_in_front_of_the_base() {
        let base = host("example.com");
        assert_eq!(host("acme.example.com").subdomain_of(&base), Some("acme"));
        assert_eq!(host("a.b.example.com").subdomain_of(&base), None);
        assert_eq!(host("example.com").subdomain_of(&base), None);
        assert_eq!(host("acmeexample.com").subdomain_of(&base), None);
    }

    #[test]
    fn only_names_of_the_public_internet_are_public() {
        for public in [
            "gallery.example.com",
            "xn--tda.com",
            "a.io",
            "pixel-forge.in",
        ] {
            assert!(host(public).is_public_name(), "{public}");
        }
        for private in [
            "1.2.3.4",
            "10.0.0.1",
            "127.0.0.2",
            "999.1.1.1",
            "foo.123",
            "localhost",
            "shop.localhost",
            "intranet",
            "printer.local",
            "nas.internal",
            "x.home.arpa",
            "router.lan",
            "127.0.0.0x1",
        ] {
            assert!(!host(private).is_public_name(), "{private}");
        }
    }
}
