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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.autoconfigure.ZmqMetricsAutoConfiguration;
import io.github.zmqspring.autoconfigure.health.ZmqHealthContributorAutoConfiguration;
import io.github.zmqspring.event.ZmqSocketEvent;
import io.github.zmqspring.event.ZmqSocketEventListener;
import io.github.zmqspring.event.ZmqSocketEventType;
import io.github.zmqspring.health.ZmqHealthIndicator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.zeromq.SocketType;
import org.zeromq.ZCert;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys, property sets, raw peers and probes shared by the security tests. Every test
 * makes its own key pairs and passwords, so "absent from the output" means something.
 */
final class SecurityTestSupport {

	private static final ZContext PEER_CONTEXT = new ZContext();

	private SecurityTestSupport() {
	}

	/**
	 * Return a new CURVE key pair. Keys whose Z85 text holds {@code ${} are skipped: the
	 * Spring environment would read that as the start of a placeholder (a real
	 * configuration would quote it differently, a test should not fail one run in two
	 * hundred). @return the certificate
	 */
	static ZCert newCert() {
		return ZmqTestSupport.newCurveCert();
	}

	/**
	 * Return a new random password.
	 * @return the password
	 */
	static String newPassword() {
		return "pw-" + UUID.randomUUID();
	}

	/**
	 * Write a certificate's public file {@code <name>.key} and secret file
	 * {@code <name>.key_secret} into a directory.
	 * @param cert the certificate
	 * @param directory the directory
	 * @param name the base name
	 * @return the public file
	 */
	static Path save(ZCert cert, Path directory, String name) {
		try {
			cert.saveSecret(directory.resolve(name + ".key_secret").toString());
			return cert.savePublic(directory.resolve(name + ".key").toString()).toPath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Return a Spring resource location for a path.
	 * @param path the file or directory
	 * @return {@code file:...}, with a trailing slash for a directory
	 */
	static String location(Path path) {
		return path.toUri().toString();
	}

	/**
	 * Return the properties of a CURVE server endpoint with inline keys.
	 * @param endpoint the endpoint name
	 * @param address the address with its bind or connect prefix
	 * @param server the server's key pair
	 * @param allowedClients the clients' public keys
	 * @return {@code key=value} pairs
	 */
	static String[] curveServer(String endpoint, String address, ZCert server, ZCert... allowedClients) {
		List<String> properties = new ArrayList<>();
		properties.add(prefix(endpoint) + "addresses=" + address);
		properties.add(prefix(endpoint) + "security.mechanism=curve");
		properties.add(prefix(endpoint) + "security.curve.public-key=" + server.getPublicKeyAsZ85());
		properties.add(prefix(endpoint) + "security.curve.secret-key=" + server.getSecretKeyAsZ85());
		for (int i = 0; i < allowedClients.length; i++) {
			properties.add(prefix(endpoint) + "security.curve.allowed-client-keys[" + i + "]="
					+ allowedClients[i].getPublicKeyAsZ85());
		}
		return properties.toArray(String[]::new);
	}

	/**
	 * Return the properties of a CURVE client endpoint with inline keys; the client's
	 * public key is left out, so it is derived from the secret key.
	 * @param endpoint the endpoint name
	 * @param address the address with its bind or connect prefix
	 * @param client the client's key pair
	 * @param serverPublicKey the server's public key, Z85
	 * @return {@code key=value} pairs
	 */
	static String[] curveClient(String endpoint, String address, ZCert client, String serverPublicKey) {
		return new String[] { prefix(endpoint) + "addresses=" + address, prefix(endpoint) + "security.mechanism=curve",
				prefix(endpoint) + "security.curve.secret-key=" + client.getSecretKeyAsZ85(),
				prefix(endpoint) + "security.curve.server-key=" + serverPublicKey };
	}

	/**
	 * Return the properties of a PLAIN client endpoint.
	 * @param endpoint the endpoint name
	 * @param address the address with its bind or connect prefix
	 * @param username the user name
	 * @param password the password
	 * @return {@code key=value} pairs
	 */
	static String[] plainClient(String endpoint, String address, String username, String password) {
		return new String[] { prefix(endpoint) + "addresses=" + address, prefix(endpoint) + "security.mechanism=plain",
				prefix(endpoint) + "security.plain.username=" + username,
				prefix(endpoint) + "security.plain.password=" + password };
	}

	/**
	 * Return the prefix of an endpoint's properties.
	 * @param endpoint the endpoint name
	 * @return {@code zmq.endpoints.<endpoint>.}
	 */
	static String prefix(String endpoint) {
		return "zmq.endpoints." + endpoint + ".";
	}

	/**
	 * Return a runner with the ZeroMQ auto-configuration, meters in a
	 * {@link SimpleMeterRegistry}, the health indicator and a {@link SocketEvents}
	 * recorder.
	 * @return the runner
	 */
	static ApplicationContextRunner observedRunner() {
		return ZmqTestSupport.runner()
			.withConfiguration(AutoConfigurations.of(ZmqMetricsAutoConfiguration.class,
					ZmqHealthContributorAutoConfiguration.class, HealthContributorAutoConfiguration.class,
					HealthContributorRegistryAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class)
			.withBean(SocketEvents.class);
	}

	/**
	 * Return the count of a {@code zmq.socket.peers.refused} meter.
	 * @param context the application context
	 * @param listenerId the listener that refused
	 * @param reason the reason tag
	 * @return the count, 0 while the meter does not exist
	 */
	static double refusedCount(ApplicationContext context, String listenerId, String reason) {
		Counter counter = context.getBean(MeterRegistry.class)
			.find("zmq.socket.peers.refused")
			.tags("owner.kind", "listener", "owner.name", listenerId, "event", "peer_refused", "reason", reason)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	/**
	 * Return the health indicator's {@code context.security.refusedHandshakes} detail.
	 * @param context the application context
	 * @return the count
	 */
	@SuppressWarnings("unchecked")
	static long refusedHandshakes(ApplicationContext context) {
		Health health = context.getBean(ZmqHealthIndicator.class).health();
		Map<String, Object> details = (Map<String, Object>) health.getDetails().get("context");
		Map<String, Object> security = (Map<String, Object>) details.get("security");
		return ((Number) security.get("refusedHandshakes")).longValue();
	}

	/**
	 * Send one request from a fresh DEALER speaking the REQ wire format and return the
	 * reply, or {@code null} when none arrives in time. The socket is closed afterwards.
	 * @param address the address to connect to (without a prefix)
	 * @param security configures the socket's mechanism before it connects
	 * @param request the request text
	 * @param timeout how long to wait for the reply
	 * @return the reply text, or {@code null}
	 */
	static @Nullable String rawRequest(String address, Consumer<ZMQ.Socket> security, String request,
			Duration timeout) {
		return rawRequest(address, security, request, timeout, () -> false);
	}

	/**
	 * Send one request as {@link #rawRequest(String, Consumer, String, Duration)} does,
	 * but stop waiting for the reply as soon as {@code done} holds. A refused peer keeps
	 * its socket until the server has counted the refusal: JeroMQ 0.6.0 sometimes stalls
	 * a fresh connection's handshake (retried after the 500 ms handshake interval), and a
	 * socket closed before that would never have been refused.
	 * @param address the address to connect to (without a prefix)
	 * @param security configures the socket's mechanism before it connects
	 * @param request the request text
	 * @param timeout how long to wait at most
	 * @param done when to stop waiting
	 * @return the reply text, or {@code null}
	 */
	static @Nullable String rawRequest(String address, Consumer<ZMQ.Socket> security, String request, Duration timeout,
			BooleanSupplier done) {
		try (ZMQ.Socket socket = PEER_CONTEXT.createSocket(SocketType.DEALER)) {
			socket.setLinger(0);
			socket.setHandshakeIvl(500);
			socket.setSendTimeOut((int) timeout.toMillis());
			socket.setReceiveTimeOut(50);
			security.accept(socket);
			socket.connect(address);
			ZMsg message = new ZMsg();
			message.add(new byte[0]);
			message.add(request.getBytes(StandardCharsets.UTF_8));
			if (!message.send(socket)) {
				return null;
			}
			long deadline = System.nanoTime() + timeout.toNanos();
			while (System.nanoTime() - deadline < 0) {
				ZMsg reply = ZMsg.recvMsg(socket);
				if (reply != null) {
					reply.pop();
					return new String(reply.pop().getData(), StandardCharsets.UTF_8);
				}
				if (done.getAsBoolean()) {
					return null;
				}
			}
			return null;
		}
	}

	/**
	 * Send a request that the server must refuse: wait (at most 5 s) until it counted one
	 * more refusal.
	 * @param serverApp the server's application context
	 * @param listenerId the listener that must refuse
	 * @param reason the refusal's reason tag
	 * @param address the address to connect to
	 * @param security configures the socket's mechanism before it connects
	 * @return the reply, {@code null} when there was none (as expected)
	 */
	static @Nullable String refusedRequest(ApplicationContext serverApp, String listenerId, String reason,
			String address, Consumer<ZMQ.Socket> security) {
		double before = refusedCount(serverApp, listenerId, reason);
		String reply = rawRequest(address, security, "let me in", Duration.ofSeconds(5),
				() -> refusedCount(serverApp, listenerId, reason) > before);
		assertThat(refusedCount(serverApp, listenerId, reason)).as("refusals of " + listenerId + " (" + reason + ")")
			.isGreaterThan(before);
		return reply;
	}

	/**
	 * Return a configurer for a raw CURVE client socket.
	 * @param client the client's key pair
	 * @param serverPublicKey the server's public key, Z85
	 * @return the configurer
	 */
	static Consumer<ZMQ.Socket> curve(ZCert client, String serverPublicKey) {
		return (socket) -> {
			socket.setCurvePublicKey(client.getPublicKey());
			socket.setCurveSecretKey(client.getSecretKey());
			socket.setCurveServerKey(ZMQ.Curve.z85Decode(serverPublicKey));
		};
	}

	/**
	 * Return a configurer for a raw PLAIN client socket.
	 * @param username the user name
	 * @param password the password
	 * @return the configurer
	 */
	static Consumer<ZMQ.Socket> plain(String username, String password) {
		return (socket) -> {
			socket.setPlainUsername(username);
			socket.setPlainPassword(password);
		};
	}

	/**
	 * Return a configurer that leaves a raw socket on the NULL mechanism.
	 * @return the configurer
	 */
	static Consumer<ZMQ.Socket> none() {
		return (socket) -> {
		};
	}

	/**
	 * Records every socket event of its application.
	 */
	static class SocketEvents implements ZmqSocketEventListener {

		final Queue<ZmqSocketEvent> events = new ConcurrentLinkedQueue<>();

		@Override
		public void onSocketEvent(ZmqSocketEvent event) {
			this.events.add(event);
		}

		long count(ZmqSocketEventType type, String ownerName) {
			return this.events.stream()
				.filter((event) -> event.getType() == type && event.getOwner().name().equals(ownerName))
				.count();
		}

	}

}
