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

package io.github.zmqspring.autoconfigure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;

import io.github.zmqspring.security.ClientKeyAllowList;
import io.github.zmqspring.security.CurveKeys;
import io.github.zmqspring.security.IpFilter;
import io.github.zmqspring.security.ZmqCertificate;
import io.github.zmqspring.security.ZmqInvalidSecurityException;
import io.github.zmqspring.security.ZmqSecurity;

/**
 * CURVE settings of an endpoint, under {@code zmq.endpoints.<name>.security.curve}.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqCurveProperties {

	/**
	 * This socket's public key, Z85 (40 characters). Optional with secret-key, from which
	 * it is derived; checked against it when set.
	 */
	private @Nullable String publicKey;

	/**
	 * This socket's secret key, Z85 (40 characters). A secret: keep it out of files in
	 * version control (environment variable, secret store). Or use certificate.
	 */
	private @Nullable String secretKey;

	/**
	 * This socket's key pair as a ZCert secret certificate (file: or classpath:
	 * location), as ZCert.saveSecret or pyzmq's zmq.auth.create_certificates write it
	 * (name.key_secret). Instead of public-key and secret-key.
	 */
	private @Nullable Resource certificate;

	/**
	 * The server's public key, Z85: makes this socket a CURVE client of that server.
	 */
	private @Nullable String serverKey;

	/**
	 * The server's public certificate (a ZCert file, name.key): makes this socket a CURVE
	 * client. Instead of server-key.
	 */
	private @Nullable Resource serverCertificate;

	/**
	 * Server only: public keys (Z85) of the clients it lets in.
	 */
	private List<String> allowedClientKeys = new ArrayList<>();

	/**
	 * Server only: a directory (file: location) of ZCert certificates of the clients it
	 * lets in; looked at again, at most once a second, when a client connects, and
	 * re-read when its files change.
	 */
	private @Nullable Resource allowedClientsDirectory;

	/**
	 * Server only: let every client key in. Connections are encrypted, but clients are
	 * not authenticated: anyone who knows the server's public key can connect.
	 */
	private boolean allowAnyClient;

	public @Nullable String getPublicKey() {
		return this.publicKey;
	}

	public void setPublicKey(@Nullable String publicKey) {
		this.publicKey = publicKey;
	}

	public @Nullable String getSecretKey() {
		return this.secretKey;
	}

	public void setSecretKey(@Nullable String secretKey) {
		this.secretKey = secretKey;
	}

	public @Nullable Resource getCertificate() {
		return this.certificate;
	}

	public void setCertificate(@Nullable Resource certificate) {
		this.certificate = certificate;
	}

	public @Nullable String getServerKey() {
		return this.serverKey;
	}

	public void setServerKey(@Nullable String serverKey) {
		this.serverKey = serverKey;
	}

	public @Nullable Resource getServerCertificate() {
		return this.serverCertificate;
	}

	public void setServerCertificate(@Nullable Resource serverCertificate) {
		this.serverCertificate = serverCertificate;
	}

	public List<String> getAllowedClientKeys() {
		return this.allowedClientKeys;
	}

	public void setAllowedClientKeys(List<String> allowedClientKeys) {
		this.allowedClientKeys = allowedClientKeys;
	}

	public @Nullable Resource getAllowedClientsDirectory() {
		return this.allowedClientsDirectory;
	}

	public void setAllowedClientsDirectory(@Nullable Resource allowedClientsDirectory) {
		this.allowedClientsDirectory = allowedClientsDirectory;
	}

	public boolean isAllowAnyClient() {
		return this.allowAnyClient;
	}

	public void setAllowAnyClient(boolean allowAnyClient) {
		this.allowAnyClient = allowAnyClient;
	}

	boolean isSet() {
		return this.publicKey != null || this.secretKey != null || this.certificate != null || this.serverKey != null
				|| this.serverCertificate != null || !this.allowedClientKeys.isEmpty()
				|| this.allowedClientsDirectory != null || this.allowAnyClient;
	}

	ZmqSecurity toSecurity(String prefix, IpFilter ipFilter) {
		String curve = prefix + ".curve";
		byte[][] own = ownKeyPair(curve);
		byte[] server = serverKey(curve);
		if (server != null) {
			if (!this.allowedClientKeys.isEmpty() || this.allowedClientsDirectory != null || this.allowAnyClient) {
				throw new ZmqInvalidSecurityException(curve + ".server-key",
						"makes this endpoint a CURVE client, but server settings (allowed-client-keys, "
								+ "allowed-clients-directory, allow-any-client) are set too",
						"Remove the server settings from a client endpoint, or remove " + curve
								+ ".server-key/server-certificate if this endpoint is the server.");
			}
			if (!ipFilter.isEmpty()) {
				throw ZmqSecurityProperties.clientWithIpLists(prefix, "CURVE");
			}
			return ZmqSecurity.curveClient(own[0], own[1], server);
		}
		List<byte[]> keys = new ArrayList<>();
		for (int i = 0; i < this.allowedClientKeys.size(); i++) {
			keys.add(CurveKeys.decode(curve + ".allowed-client-keys[" + i + "]", this.allowedClientKeys.get(i)));
		}
		String directoryProperty = curve + ".allowed-clients-directory";
		ClientKeyAllowList allowList = new ClientKeyAllowList(keys, directory(directoryProperty), directoryProperty);
		if (allowList.isEmpty() && !this.allowAnyClient) {
			throw new ZmqInvalidSecurityException(curve + ".allowed-client-keys",
					"is empty, and no allowed-clients-directory is set: this CURVE server (it sets no "
							+ "server-key) would let in any client that knows its public key",
					"Set " + curve + ".allowed-client-keys to the clients' public keys (Z85), or " + curve
							+ ".allowed-clients-directory to a directory of their ZCert certificates. For "
							+ "encryption without client authentication, set " + curve
							+ ".allow-any-client=true instead. If this endpoint is a client, set " + curve
							+ ".server-key (or server-certificate) to the server's public key.");
		}
		if (!allowList.isEmpty() && this.allowAnyClient) {
			throw new ZmqInvalidSecurityException(curve + ".allow-any-client",
					"is true while client keys are allowed explicitly, which would be ignored",
					"Remove " + curve + ".allow-any-client to authenticate clients by their keys, or remove "
							+ "allowed-client-keys and allowed-clients-directory to let any client in.");
		}
		return ZmqSecurity.curveServer(own[0], own[1], allowList, this.allowAnyClient, ipFilter);
	}

	private byte[][] ownKeyPair(String curve) {
		if (this.certificate != null) {
			if (this.secretKey != null || this.publicKey != null) {
				throw new ZmqInvalidSecurityException(curve + ".certificate",
						"is set together with public-key/secret-key",
						"Set either " + curve + ".certificate or " + curve + ".secret-key, not both.");
			}
			ZmqCertificate cert = ZmqCertificate.load(curve + ".certificate", this.certificate);
			byte[] secret = cert.secretKey();
			if (secret == null) {
				throw new ZmqInvalidSecurityException(curve + ".certificate",
						"names a public certificate, which has no secret-key",
						"Point " + curve + ".certificate to the secret certificate (name.key_secret); the "
								+ "public one (name.key) is what peers get.");
			}
			return new byte[][] { cert.publicKey(), secret };
		}
		if (this.secretKey == null) {
			throw new ZmqInvalidSecurityException(curve + ".secret-key", "is not set",
					"Give this endpoint its CURVE key pair: set " + curve + ".secret-key (Z85) or " + curve
							+ ".certificate (a ZCert secret certificate). "
							+ "io.github.zmqspring.security.ZmqCertificateGenerator generates one.");
		}
		byte[] secret = CurveKeys.decode(curve + ".secret-key", this.secretKey);
		byte[] derived = CurveKeys.publicKeyOf(secret);
		if (this.publicKey != null
				&& !Arrays.equals(CurveKeys.decode(curve + ".public-key", this.publicKey), derived)) {
			throw new ZmqInvalidSecurityException(curve + ".public-key", "does not belong to " + curve + ".secret-key",
					"Set both keys from the same key pair, or remove " + curve
							+ ".public-key: it is derived from the secret key.");
		}
		return new byte[][] { derived, secret };
	}

	private byte @Nullable [] serverKey(String curve) {
		if (this.serverKey != null && this.serverCertificate != null) {
			throw new ZmqInvalidSecurityException(curve + ".server-certificate", "is set together with server-key",
					"Set either " + curve + ".server-key or " + curve + ".server-certificate, not both.");
		}
		if (this.serverKey != null) {
			return CurveKeys.decode(curve + ".server-key", this.serverKey);
		}
		if (this.serverCertificate != null) {
			return ZmqCertificate.load(curve + ".server-certificate", this.serverCertificate).publicKey();
		}
		return null;
	}

	private @Nullable Path directory(String property) {
		if (this.allowedClientsDirectory == null) {
			return null;
		}
		try {
			return this.allowedClientsDirectory.getFile().toPath();
		}
		catch (IOException ex) {
			throw new ZmqInvalidSecurityException(property,
					"is not a directory on the file system (" + this.allowedClientsDirectory.getDescription() + ")",
					"Point " + property + " to a directory with a file: location, for example "
							+ "file:/etc/zmq/clients/; classpath: directories cannot be watched.");
		}
	}

}
