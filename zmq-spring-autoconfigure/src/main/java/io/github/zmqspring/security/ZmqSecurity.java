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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.zeromq.ZMQ;

/**
 * The security of one endpoint: its mechanism and role, its keys or credentials, and who
 * its server side lets in. Built by the starter from
 * {@code zmq.endpoints.<name>.security}; applied to each of the endpoint's sockets before
 * it binds or connects. Server sides (and NULL sockets with IP lists) are checked by the
 * starter's ZAP handler through {@link #authorize}.
 * <p>
 * Holds secret keys and passwords: {@link #toString()} shows neither.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public final class ZmqSecurity {

	/** No security and no IP lists: ZeroMQ's default. */
	public static final ZmqSecurity NONE = new ZmqSecurity(ZmqMechanism.NULL, false, null, null, null, null, false,
			null, null, Map.of(), IpFilter.NONE);

	private final ZmqMechanism mechanism;

	private final boolean server;

	private final byte @Nullable [] publicKey;

	private final byte @Nullable [] secretKey;

	private final byte @Nullable [] serverKey;

	private final @Nullable ClientKeyAllowList allowList;

	private final boolean allowAnyClient;

	private final @Nullable String username;

	private final @Nullable String password;

	private final Map<String, String> users;

	private final IpFilter ipFilter;

	private ZmqSecurity(ZmqMechanism mechanism, boolean server, byte @Nullable [] publicKey,
			byte @Nullable [] secretKey, byte @Nullable [] serverKey, @Nullable ClientKeyAllowList allowList,
			boolean allowAnyClient, @Nullable String username, @Nullable String password, Map<String, String> users,
			IpFilter ipFilter) {
		this.mechanism = mechanism;
		this.server = server;
		this.publicKey = publicKey;
		this.secretKey = secretKey;
		this.serverKey = serverKey;
		this.allowList = allowList;
		this.allowAnyClient = allowAnyClient;
		this.username = username;
		this.password = password;
		this.users = Map.copyOf(users);
		this.ipFilter = ipFilter;
	}

	/**
	 * NULL security with IP lists.
	 * @param ipFilter who may connect
	 * @return the security
	 */
	public static ZmqSecurity none(IpFilter ipFilter) {
		return ipFilter.isEmpty() ? NONE : new ZmqSecurity(ZmqMechanism.NULL, false, null, null, null, null, false,
				null, null, Map.of(), ipFilter);
	}

	/**
	 * A CURVE server.
	 * @param publicKey its public key
	 * @param secretKey its secret key
	 * @param allowList the client keys it lets in
	 * @param allowAnyClient whether it lets in every client key (encryption without
	 * authentication)
	 * @param ipFilter who may connect
	 * @return the security
	 */
	public static ZmqSecurity curveServer(byte[] publicKey, byte[] secretKey, ClientKeyAllowList allowList,
			boolean allowAnyClient, IpFilter ipFilter) {
		return new ZmqSecurity(ZmqMechanism.CURVE, true, publicKey.clone(), secretKey.clone(), null, allowList,
				allowAnyClient, null, null, Map.of(), ipFilter);
	}

	/**
	 * A CURVE client.
	 * @param publicKey its public key
	 * @param secretKey its secret key
	 * @param serverKey the server's public key
	 * @return the security
	 */
	public static ZmqSecurity curveClient(byte[] publicKey, byte[] secretKey, byte[] serverKey) {
		return new ZmqSecurity(ZmqMechanism.CURVE, false, publicKey.clone(), secretKey.clone(), serverKey.clone(), null,
				false, null, null, Map.of(), IpFilter.NONE);
	}

	/**
	 * A PLAIN server.
	 * @param users user names and their passwords
	 * @param ipFilter who may connect
	 * @return the security
	 */
	public static ZmqSecurity plainServer(Map<String, String> users, IpFilter ipFilter) {
		return new ZmqSecurity(ZmqMechanism.PLAIN, true, null, null, null, null, false, null, null, users, ipFilter);
	}

	/**
	 * A PLAIN client.
	 * @param username its user name
	 * @param password its password
	 * @return the security
	 */
	public static ZmqSecurity plainClient(String username, String password) {
		return new ZmqSecurity(ZmqMechanism.PLAIN, false, null, null, null, null, false, username, password, Map.of(),
				IpFilter.NONE);
	}

	/**
	 * Return the mechanism.
	 * @return the mechanism
	 */
	public ZmqMechanism mechanism() {
		return this.mechanism;
	}

	/**
	 * Return whether the socket takes the server role of its mechanism.
	 * @return {@code true} for a CURVE or PLAIN server
	 */
	public boolean isServer() {
		return this.server;
	}

	/**
	 * Return whether the socket's handshakes go to the ZAP handler: every server, and a
	 * NULL socket with IP lists.
	 * @return {@code true} if the socket needs a ZAP domain
	 */
	public boolean needsZap() {
		return this.server || !this.ipFilter.isEmpty();
	}

	/**
	 * Return whether this CURVE server lets in every client key.
	 * @return {@code true} when opted in to encryption without authentication
	 */
	public boolean allowsAnyClient() {
		return this.allowAnyClient;
	}

	/**
	 * Return this socket's CURVE public key.
	 * @return the key in Z85, or {@code null} without CURVE
	 */
	public @Nullable String publicKeyZ85() {
		return (this.publicKey != null) ? CurveKeys.encode(this.publicKey) : null;
	}

	/**
	 * Apply the mechanism's options to a socket before it binds or connects.
	 * @param socket the socket, on its owning thread
	 * @param zapDomain the ZAP domain the handler knows this socket by, or {@code null}
	 * when it {@linkplain #needsZap() needs none}
	 */
	public void applyTo(ZMQ.Socket socket, @Nullable String zapDomain) {
		switch (this.mechanism) {
			case CURVE -> {
				socket.setCurvePublicKey(this.publicKey);
				socket.setCurveSecretKey(this.secretKey);
				if (this.server) {
					socket.setCurveServer(true);
				}
				else {
					socket.setCurveServerKey(this.serverKey);
				}
			}
			case PLAIN -> {
				if (this.server) {
					socket.setPlainServer(true);
				}
				else {
					socket.setPlainUsername(this.username);
					socket.setPlainPassword(this.password);
				}
			}
			case NULL -> {
			}
		}
		if (zapDomain != null) {
			socket.setZapDomain(zapDomain);
		}
	}

	/**
	 * Decide a handshake, as the ZAP handler asks.
	 * @param mechanism the mechanism the peer uses, as named in the ZAP request
	 * @param address the peer's IP address
	 * @param credentials the ZAP request's credential frames
	 * @return {@code null} to let the peer in, else why not
	 */
	public @Nullable RefusalReason authorize(String mechanism, String address, List<byte[]> credentials) {
		if (!this.mechanism.name().equals(mechanism)) {
			return RefusalReason.UNKNOWN_DOMAIN;
		}
		if (!this.ipFilter.permits(address)) {
			return RefusalReason.ADDRESS;
		}
		return switch (this.mechanism) {
			case CURVE -> curveAllows(credentials) ? null : RefusalReason.CLIENT_KEY;
			case PLAIN -> plainAllows(credentials) ? null : RefusalReason.CREDENTIALS;
			case NULL -> null;
		};
	}

	private boolean curveAllows(List<byte[]> credentials) {
		if (this.allowAnyClient) {
			return true;
		}
		if (credentials.size() != 1 || credentials.get(0).length != CurveKeys.KEY_BYTES || this.allowList == null) {
			return false;
		}
		return this.allowList.allows(CurveKeys.encode(credentials.get(0)));
	}

	private boolean plainAllows(List<byte[]> credentials) {
		if (credentials.size() != 2) {
			return false;
		}
		String expected = this.users.get(new String(credentials.get(0), StandardCharsets.UTF_8));
		// a constant-time comparison, so the time to refuse tells nothing about the
		// password
		byte[] given = credentials.get(1);
		byte[] wanted = (expected != null) ? expected.getBytes(StandardCharsets.UTF_8) : new byte[0];
		return MessageDigest.isEqual(given, wanted) && expected != null;
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder("ZmqSecurity[").append(this.mechanism);
		if (this.mechanism != ZmqMechanism.NULL) {
			text.append(this.server ? " server" : " client");
		}
		if (this.publicKey != null) {
			text.append(", publicKey=").append(CurveKeys.encode(this.publicKey));
		}
		if (this.allowAnyClient) {
			text.append(", any client key");
		}
		if (this.username != null) {
			text.append(", username=").append(this.username);
		}
		if (!this.users.isEmpty()) {
			text.append(", users=").append(this.users.keySet());
		}
		if (!this.ipFilter.isEmpty()) {
			text.append(", IP lists");
		}
		return text.append(']').toString();
	}

}
