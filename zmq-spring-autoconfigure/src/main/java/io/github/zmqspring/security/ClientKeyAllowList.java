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
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.FileSystemResource;

/**
 * The CURVE client keys a server lets in: keys given inline and the public keys of the
 * ZCert certificates in a directory. The directory is looked at again at most once per
 * {@link #RECHECK_INTERVAL}, when a handshake asks, and only read again when the names,
 * sizes or modification times of its files changed; a handshake otherwise costs one hash
 * lookup.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public final class ClientKeyAllowList {

	/** How often, at most, the directory is checked for changes. */
	public static final Duration RECHECK_INTERVAL = Duration.ofSeconds(1);

	/** The most certificates read from the directory. */
	public static final int MAX_FILES = 10_000;

	private static final Log logger = LogFactory.getLog(ClientKeyAllowList.class);

	private final Set<String> inline;

	private final @Nullable Path directory;

	private final String directoryProperty;

	private Set<String> fromDirectory = Set.of();

	private List<String> fingerprint = List.of();

	private long nextCheck;

	/**
	 * Create an allow list and read the directory once.
	 * @param keys the allowed public keys, decoded
	 * @param directory a directory of ZCert certificates, or {@code null}
	 * @param directoryProperty the directory's property, for messages
	 * @throws ZmqInvalidSecurityException if the directory does not exist or cannot be
	 * listed
	 */
	public ClientKeyAllowList(List<byte[]> keys, @Nullable Path directory, String directoryProperty) {
		Set<String> encoded = new HashSet<>();
		keys.forEach((key) -> encoded.add(CurveKeys.encode(key)));
		this.inline = Set.copyOf(encoded);
		this.directory = directory;
		this.directoryProperty = directoryProperty;
		if (directory != null) {
			if (!Files.isDirectory(directory)) {
				throw new ZmqInvalidSecurityException(directoryProperty, "names no readable directory",
						"Point " + directoryProperty + " to an existing directory of ZCert public certificates "
								+ "(file: location); create it empty if clients are added later.");
			}
			List<String> current = fingerprint(directory);
			if (current == null) {
				throw new ZmqInvalidSecurityException(directoryProperty, "names a directory that cannot be listed",
						"Make the directory readable by the application's user.");
			}
			reload(directory, current);
		}
	}

	/**
	 * Return whether this list lets no key in and never will (no keys, no directory).
	 * @return {@code true} when empty without a directory
	 */
	public boolean isEmpty() {
		return this.inline.isEmpty() && this.directory == null;
	}

	/**
	 * Return whether a client key is allowed, looking at the directory again first if it
	 * is due.
	 * @param z85Key the client's public key in Z85
	 * @return {@code true} if allowed
	 */
	public synchronized boolean allows(String z85Key) {
		if (this.inline.contains(z85Key)) {
			return true;
		}
		Path dir = this.directory;
		if (dir == null) {
			return false;
		}
		long now = System.nanoTime();
		if (now - this.nextCheck >= 0) {
			this.nextCheck = now + RECHECK_INTERVAL.toNanos();
			List<String> current = fingerprint(dir);
			if (current != null && !current.equals(this.fingerprint)) {
				reload(dir, current);
			}
		}
		return this.fromDirectory.contains(z85Key);
	}

	private void reload(Path dir, List<String> current) {
		Set<String> keys = new HashSet<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
			int count = 0;
			for (Path file : files) {
				if (!Files.isRegularFile(file) || count++ >= MAX_FILES) {
					continue;
				}
				try {
					keys.add(CurveKeys
						.encode(ZmqCertificate.load(this.directoryProperty, new FileSystemResource(file)).publicKey()));
				}
				catch (ZmqInvalidSecurityException ex) {
					logger.warn(
							"Skipping " + file.getFileName() + " in " + this.directoryProperty + ": " + ex.getReason());
				}
			}
		}
		catch (IOException ex) {
			logger.warn("Could not read " + this.directoryProperty + " (" + ex.getClass().getSimpleName()
					+ "); keeping the " + this.fromDirectory.size() + " key(s) read before");
			return;
		}
		boolean first = this.fingerprint.isEmpty() && this.fromDirectory.isEmpty();
		this.fromDirectory = Set.copyOf(keys);
		this.fingerprint = current;
		if (!first && logger.isInfoEnabled()) {
			logger.info("Reloaded " + this.directoryProperty + ": " + keys.size() + " client key(s) allowed");
		}
	}

	private static @Nullable List<String> fingerprint(Path dir) {
		List<String> entries = new ArrayList<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
			for (Path file : files) {
				if (entries.size() >= MAX_FILES) {
					break;
				}
				BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
				entries
					.add(file.getFileName() + "|" + attributes.size() + "|" + attributes.lastModifiedTime().toMillis());
			}
		}
		catch (IOException ex) {
			return null;
		}
		entries.sort(null);
		return entries;
	}

}
