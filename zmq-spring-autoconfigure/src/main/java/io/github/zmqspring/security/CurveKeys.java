/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.zmqspring.security;

import com.neilalexander.jnacl.crypto.curve25519;
import zmq.util.Z85;

/**
 * CURVE keys as users write them: Z85 text of 40 characters for 32 bytes (ZeroMQ RFC 32),
 * the form libzmq, pyzmq and ZCert files use.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public final class CurveKeys {

	/** Bytes of a CURVE key. */
	public static final int KEY_BYTES = 32;

	/** Characters of a Z85-encoded CURVE key. */
	public static final int KEY_CHARS = 40;

	private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";

	private CurveKeys() {
	}

	/**
	 * Decode a Z85 key, checking its form first (JeroMQ's decoder does not).
	 * @param property the property the key came from, for the error message
	 * @param text the Z85 text
	 * @return the 32-byte key
	 * @throws ZmqInvalidSecurityException naming the property, never the key, if the text
	 * is not a Z85-encoded 32-byte key
	 */
	public static byte[] decode(String property, String text) {
		String key = text.trim();
		if (key.length() != KEY_CHARS) {
			throw malformed(property, "is " + key.length() + " characters long, not " + KEY_CHARS);
		}
		long value = 0;
		for (int i = 0; i < key.length(); i++) {
			int digit = ALPHABET.indexOf(key.charAt(i));
			if (digit < 0) {
				throw malformed(property, "has a character at position " + (i + 1) + " that is not in Z85's alphabet");
			}
			value = value * 85 + digit;
			// five Z85 characters carry four bytes: a group above 2^32 - 1 is no encoding
			if (i % 5 == 4) {
				if (value > 0xFFFF_FFFFL) {
					throw malformed(property, "is not valid Z85 (characters " + (i - 3) + " to " + (i + 1)
							+ " encode more than four bytes)");
				}
				value = 0;
			}
		}
		return Z85.decode(key);
	}

	/**
	 * Encode a key as Z85 text.
	 * @param key the 32-byte key
	 * @return its 40 characters
	 */
	public static String encode(byte[] key) {
		return Z85.encode(key, key.length);
	}

	/**
	 * Return the public key that belongs to a secret key (Curve25519's base-point
	 * multiplication, as in key generation).
	 * @param secretKey the 32-byte secret key
	 * @return the 32-byte public key
	 */
	public static byte[] publicKeyOf(byte[] secretKey) {
		byte[] publicKey = new byte[KEY_BYTES];
		curve25519.crypto_scalarmult_base(publicKey, secretKey);
		return publicKey;
	}

	private static ZmqInvalidSecurityException malformed(String property, String reason) {
		return new ZmqInvalidSecurityException(property, reason,
				"Set " + property + " to a CURVE key in Z85 text (40 characters), as ZCert files and "
						+ "pyzmq's zmq.curve_keypair() write them; io.github.zmqspring.security."
						+ "ZmqCertificateGenerator generates a key pair.");
	}

}
