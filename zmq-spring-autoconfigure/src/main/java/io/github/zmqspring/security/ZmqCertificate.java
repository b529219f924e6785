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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;

/**
 * A CURVE certificate as ZeroMQ tools store it: a ZPL text file (ZeroMQ RFC 4) with
 * {@code curve/public-key} and, in a secret certificate, {@code curve/secret-key}, both
 * Z85. JeroMQ's {@code ZCert}, CZMQ's {@code zcert} and pyzmq's
 * {@code zmq.auth.create_certificates} write this format ({@code name.key} public,
 * {@code name.key_secret} secret). {@link #toString()} never shows the secret key.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public final class ZmqCertificate {

	private static final Pattern KEY_LINE = Pattern.compile("^\\s*(public-key|secret-key)\\s*=\\s*\"?([^\"]*)\"?\\s*$");

	private static final int MAX_LINES = 1000;

	private final byte[] publicKey;

	private final byte @Nullable [] secretKey;

	private ZmqCertificate(byte[] publicKey, byte @Nullable [] secretKey) {
		this.publicKey = publicKey;
		this.secretKey = secretKey;
	}

	/**
	 * Read a certificate.
	 * @param property the property naming the file, for error messages
	 * @param resource the file
	 * @return the certificate
	 * @throws ZmqInvalidSecurityException naming the property if the file cannot be read
	 * or holds no valid public key, or a secret key that does not belong to it
	 */
	public static ZmqCertificate load(String property, Resource resource) {
		String publicText = null;
		String secretText = null;
		try (InputStream in = resource.getInputStream();
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			int lines = 0;
			while ((line = reader.readLine()) != null && lines++ < MAX_LINES) {
				if (line.trim().startsWith("#")) {
					continue;
				}
				Matcher matcher = KEY_LINE.matcher(line);
				if (matcher.matches()) {
					if (matcher.group(1).equals("public-key")) {
						publicText = matcher.group(2);
					}
					else {
						secretText = matcher.group(2);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new ZmqInvalidSecurityException(property,
					"names a certificate that cannot be read (" + resource.getDescription() + ": "
							+ ex.getClass().getSimpleName() + ")",
					"Point " + property + " to a readable ZCert file (file: or classpath: location).");
		}
		if (publicText == null) {
			throw new ZmqInvalidSecurityException(property,
					"names a file with no curve public-key (" + resource.getDescription() + ")",
					"Point " + property + " to a ZCert certificate, as ZCert.savePublic/saveSecret or "
							+ "pyzmq's zmq.auth.create_certificates write them.");
		}
		byte[] publicKey = CurveKeys.decode(property + " (public-key)", publicText);
		byte[] secretKey = (secretText != null) ? CurveKeys.decode(property + " (secret-key)", secretText) : null;
		if (secretKey != null && !Arrays.equals(CurveKeys.publicKeyOf(secretKey), publicKey)) {
			throw new ZmqInvalidSecurityException(property, "holds a secret-key that does not belong to its public-key",
					"Regenerate the certificate: its two keys must come from the same key pair.");
		}
		return new ZmqCertificate(publicKey, secretKey);
	}

	/**
	 * Return the public key.
	 * @return a copy of the 32-byte key
	 */
	public byte[] publicKey() {
		return this.publicKey.clone();
	}

	/**
	 * Return the secret key, if this is a secret certificate.
	 * @return a copy of the 32-byte key, or {@code null} in a public certificate
	 */
	public byte @Nullable [] secretKey() {
		return (this.secretKey != null) ? this.secretKey.clone() : null;
	}

	@Override
	public String toString() {
		return "ZmqCertificate[publicKey=" + CurveKeys.encode(this.publicKey)
				+ ((this.secretKey != null) ? ", secretKey=(hidden)]" : "]");
	}

}
