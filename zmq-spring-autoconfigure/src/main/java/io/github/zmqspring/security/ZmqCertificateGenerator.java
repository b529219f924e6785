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

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

import org.zeromq.ZCert;

/**
 * Generates a CURVE key pair and writes it as ZCert certificates: {@code <name>.key} (the
 * public certificate, for peers) and {@code <name>.key_secret} (both keys, readable by
 * its owner only where the file system allows), the names and format pyzmq's
 * {@code zmq.auth.create_certificates} uses. Run it as a program: <pre>
 * java -cp zmq-spring-autoconfigure.jar:jeromq.jar:jnacl.jar \
 *     io.github.zmqspring.security.ZmqCertificateGenerator certs server
 * </pre>
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public final class ZmqCertificateGenerator {

	private ZmqCertificateGenerator() {
	}

	/**
	 * Write a new key pair as {@code <name>.key} and {@code <name>.key_secret} in a
	 * directory, printing the public key.
	 * @param args the directory and the name
	 * @throws IOException if a file cannot be written, or exists already
	 */
	public static void main(String[] args) throws IOException {
		if (args.length != 2) {
			System.err.println("Usage: ZmqCertificateGenerator <directory> <name>");
			System.err.println("Writes <directory>/<name>.key (public) and <directory>/<name>.key_secret (secret).");
			System.exit(2);
			return;
		}
		String publicKey = generate(Path.of(args[0]), args[1]);
		System.out.println("Wrote " + Path.of(args[0], args[1] + ".key") + " and " + args[1] + ".key_secret");
		System.out.println("Public key: " + publicKey);
	}

	/**
	 * Write a new key pair as {@code <name>.key} and {@code <name>.key_secret} in a
	 * directory, creating the directory if needed. Existing files are never overwritten.
	 * @param directory where to write
	 * @param name the certificates' base name
	 * @return the new public key in Z85
	 * @throws IOException if a file cannot be written, or exists already
	 */
	public static String generate(Path directory, String name) throws IOException {
		Files.createDirectories(directory);
		Path publicFile = directory.resolve(name + ".key");
		Path secretFile = directory.resolve(name + ".key_secret");
		for (Path file : new Path[] { publicFile, secretFile }) {
			if (Files.exists(file)) {
				throw new FileAlreadyExistsException(file.toString(), null, "not overwriting a certificate");
			}
		}
		ZCert cert = new ZCert();
		// a key with '$' could read as a placeholder when pasted into Spring properties;
		// leaving such keys out costs the key space next to nothing
		while (cert.getPublicKeyAsZ85().contains("$") || cert.getSecretKeyAsZ85().contains("$")) {
			cert = new ZCert();
		}
		try (Writer writer = Files.newBufferedWriter(createPrivate(secretFile), StandardCharsets.UTF_8)) {
			cert.saveSecret(writer);
		}
		try (Writer writer = Files.newBufferedWriter(publicFile, StandardCharsets.UTF_8,
				StandardOpenOption.CREATE_NEW)) {
			cert.savePublic(writer);
		}
		return cert.getPublicKeyAsZ85();
	}

	private static Path createPrivate(Path file) throws IOException {
		try {
			return Files.createFile(file,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: the directory's own permissions protect the file
			return Files.createFile(file);
		}
	}

}
