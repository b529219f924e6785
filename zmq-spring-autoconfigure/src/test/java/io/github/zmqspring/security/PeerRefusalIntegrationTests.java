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

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.annotation.ZmqReplier;
import io.github.zmqspring.config.ZmqListenerEndpointRegistry;
import io.github.zmqspring.core.ZmqRequestTimeoutException;
import io.github.zmqspring.core.ZmqTemplate;
import io.github.zmqspring.event.ZmqSocketEvent;
import io.github.zmqspring.event.ZmqSocketEventType;
import io.github.zmqspring.security.SecurityTestSupport.SocketEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zeromq.ZCert;
import org.zeromq.ZMQ;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;

import static io.github.zmqspring.security.SecurityTestSupport.curve;
import static io.github.zmqspring.security.SecurityTestSupport.curveClient;
import static io.github.zmqspring.security.SecurityTestSupport.curveServer;
import static io.github.zmqspring.security.SecurityTestSupport.none;
import static io.github.zmqspring.security.SecurityTestSupport.observedRunner;
import static io.github.zmqspring.security.SecurityTestSupport.plain;
import static io.github.zmqspring.security.SecurityTestSupport.plainClient;
import static io.github.zmqspring.security.SecurityTestSupport.prefix;
import static io.github.zmqspring.security.SecurityTestSupport.rawRequest;
import static io.github.zmqspring.security.SecurityTestSupport.refusedCount;
import static io.github.zmqspring.security.SecurityTestSupport.refusedHandshakes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Peers a secured endpoint must not serve: an unknown CURVE key, a wrong server key, a
 * NULL client at a CURVE server, a wrong PLAIN password and addresses outside the IP
 * lists. Each is refused, counted (meter, socket event, health) and logged at most once a
 * minute, while authorised clients keep being served. Hostile peers are raw JeroMQ
 * sockets or a second application.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@ExtendWith(OutputCaptureExtension.class)
class PeerRefusalIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final ZCert server = SecurityTestSupport.newCert();

	private final ZCert client = SecurityTestSupport.newCert();

	private final ZCert stranger = SecurityTestSupport.newCert();

	private final String serverKey = this.server.getPublicKeyAsZ85();

	@Test
	void unknownClientKeyIsRefusedAndCountedWhileAnAllowedClientIsServedBeforeDuringAndAfter() throws Exception {
		observedRunner().withPropertyValues(curveServer("secure", "@tcp://127.0.0.1:*", this.server, this.client))
			.withUserConfiguration(Replier.class)
			.run((serverApp) -> {
				String address = ZmqTestSupport.boundAddress(serverApp, "secure");
				ZmqTestSupport.runner()
					.withPropertyValues(curveClient("server", ">" + address, this.client, this.serverKey))
					.run((clientApp) -> {
						ZmqTemplate template = clientApp.getBean(ZmqTemplate.class);
						assertThat(template.request("server", "before", String.class, TIMEOUT)).isEqualTo("before!");
						int attempts = 5;
						AtomicInteger during = new AtomicInteger();
						// the stranger knocks until the allowed client was served 20
						// times
						// meanwhile, and at least five times
						CompletableFuture<List<String>> strangerReplies = CompletableFuture.supplyAsync(() -> {
							List<String> replies = new ArrayList<>();
							while (replies.size() < attempts || during.get() < 20) {
								replies.add(SecurityTestSupport.refusedRequest(serverApp, "secure", "client-key",
										address, curve(this.stranger, this.serverKey)));
							}
							return replies;
						});
						while (!strangerReplies.isDone()) {
							int i = during.get();
							assertThat(template.request("server", "during " + i, String.class, TIMEOUT))
								.isEqualTo("during " + i + "!");
							during.incrementAndGet();
						}
						assertThat(strangerReplies.get(30, TimeUnit.SECONDS)).hasSizeGreaterThanOrEqualTo(attempts)
							.containsOnlyNulls();
						assertThat(during.get()).as("requests served while the stranger knocked")
							.isGreaterThanOrEqualTo(20);
						assertThat(template.request("server", "after", String.class, TIMEOUT)).isEqualTo("after!");

						double refused = refusedCount(serverApp, "secure", "client-key");
						assertThat(refused).isGreaterThanOrEqualTo(attempts);
						SocketEvents events = serverApp.getBean(SocketEvents.class);
						await().atMost(TIMEOUT)
							.untilAsserted(() -> assertThat(events.count(ZmqSocketEventType.PEER_REFUSED, "secure"))
								.isGreaterThanOrEqualTo(attempts));
						assertThat(peerRefusedEvents(events, "secure")).allSatisfy((event) -> {
							assertThat(RefusalReason.of(event.getValue())).isEqualTo(RefusalReason.CLIENT_KEY);
							assertThat(event.getAddress()).isEqualTo("tcp://127.0.0.1");
						});
						assertThat(refusedHandshakes(serverApp)).isGreaterThanOrEqualTo(attempts);
						assertThat(received(serverApp, "secure")).as("only the allowed client reached the handler")
							.isEqualTo(during.get() + 2);
					});
			});
	}

	@Test
	void clientWithAWrongServerKeyFailsTheHandshakeAndIsNeverServed() {
		ZCert impostor = SecurityTestSupport.newCert();
		observedRunner().withPropertyValues(curveServer("secure", "@tcp://127.0.0.1:*", this.server, this.client))
			.withUserConfiguration(Replier.class)
			.run((serverApp) -> {
				String address = ZmqTestSupport.boundAddress(serverApp, "secure");
				ZmqTestSupport.runner()
					.withPropertyValues(curveClient("server", ">" + address, this.client, impostor.getPublicKeyAsZ85()))
					.run((clientApp) -> assertThatExceptionOfType(ZmqRequestTimeoutException.class)
						.isThrownBy(() -> clientApp.getBean(ZmqTemplate.class)
							.request("server", "wrong key", String.class, Duration.ofSeconds(1))));
				SocketEvents events = serverApp.getBean(SocketEvents.class);
				assertThat(rawRequest(address, curve(this.client, impostor.getPublicKeyAsZ85()), "raw wrong key",
						TIMEOUT, () -> events.count(ZmqSocketEventType.HANDSHAKE_FAILED, "secure") > 0))
					.isNull();
				await().atMost(TIMEOUT)
					.untilAsserted(
							() -> assertThat(events.count(ZmqSocketEventType.HANDSHAKE_FAILED, "secure")).isPositive());
				assertThat(received(serverApp, "secure")).isZero();
				assertThat(refusedHandshakes(serverApp)).as("refused before ZAP is asked").isZero();
				// the right key is still served
				assertThat(rawRequest(address, curve(this.client, this.serverKey), "right key", TIMEOUT))
					.isEqualTo("right key!");
			});
	}

	@Test
	void nullClientAtACurveServerFailsTheHandshakeAndIsNeverServed() {
		observedRunner().withPropertyValues(curveServer("secure", "@tcp://127.0.0.1:*", this.server, this.client))
			.withUserConfiguration(Replier.class)
			.run((serverApp) -> {
				String address = ZmqTestSupport.boundAddress(serverApp, "secure");
				SocketEvents events = serverApp.getBean(SocketEvents.class);
				// JeroMQ drops a peer with another mechanism right after the greeting: a
				// DISCONNECTED event, no HANDSHAKE_FAILED one, and the ZAP handler is not
				// asked
				assertThat(rawRequest(address, none(), "no security", TIMEOUT,
						() -> events.count(ZmqSocketEventType.DISCONNECTED, "secure") > 0))
					.isNull();
				ZmqTestSupport.runner()
					.withPropertyValues("zmq.endpoints.server.addresses=>" + address)
					.run((clientApp) -> assertThatExceptionOfType(ZmqRequestTimeoutException.class)
						.isThrownBy(() -> clientApp.getBean(ZmqTemplate.class)
							.request("server", "no security", String.class, Duration.ofSeconds(1))));
				assertThat(events.count(ZmqSocketEventType.DISCONNECTED, "secure")).isPositive();
				assertThat(events.count(ZmqSocketEventType.HANDSHAKE_SUCCEEDED, "secure")).isZero();
				assertThat(refusedHandshakes(serverApp)).isZero();
				assertThat(received(serverApp, "secure")).isZero();
			});
	}

	@Test
	void wrongPlainPasswordIsRefusedWhileTheRightOneIsServed() {
		String password = SecurityTestSupport.newPassword();
		String wrong = SecurityTestSupport.newPassword();
		observedRunner()
			.withPropertyValues(prefix("secure") + "addresses=@tcp://127.0.0.1:*",
					prefix("secure") + "security.mechanism=plain",
					prefix("secure") + "security.plain.users.alice=" + password)
			.withUserConfiguration(Replier.class)
			.run((serverApp) -> {
				String address = ZmqTestSupport.boundAddress(serverApp, "secure");
				ZmqTestSupport.runner()
					.withPropertyValues(plainClient("right", ">" + address, "alice", password))
					.withPropertyValues(plainClient("wrong", ">" + address, "alice", wrong))
					.withPropertyValues(plainClient("unknown", ">" + address, "mallory", password))
					.run((clientApp) -> {
						ZmqTemplate template = clientApp.getBean(ZmqTemplate.class);
						assertThat(template.request("right", "first", String.class, TIMEOUT)).isEqualTo("first!");
						assertThatExceptionOfType(ZmqRequestTimeoutException.class)
							.isThrownBy(() -> template.request("wrong", "guess", String.class, Duration.ofSeconds(1)));
						assertThatExceptionOfType(ZmqRequestTimeoutException.class).isThrownBy(
								() -> template.request("unknown", "guess", String.class, Duration.ofSeconds(1)));
						assertThat(refusedAttempts(serverApp, address, "credentials", plain("alice", wrong), 3))
							.containsOnlyNulls();
						assertThat(template.request("right", "second", String.class, TIMEOUT)).isEqualTo("second!");
						// the wrong and unknown clients keep reconnecting: a refusal of
						// theirs may come after their request gave up (JeroMQ sometimes
						// stalls a fresh handshake)
						await().atMost(TIMEOUT).until(() -> refusedCount(serverApp, "secure", "credentials") >= 5);
					});
				assertThat(refusedCount(serverApp, "secure", "credentials")).isGreaterThanOrEqualTo(5);
				assertThat(refusedHandshakes(serverApp)).isGreaterThanOrEqualTo(5);
				assertThat(received(serverApp, "secure")).isEqualTo(2);
			});
	}

	@Test
	void deniedAddressAtANullEndpointGetsNothing() {
		observedRunner()
			.withPropertyValues(prefix("secure") + "addresses=@tcp://127.0.0.1:*",
					prefix("secure") + "security.deny[0]=127.0.0.1")
			.withUserConfiguration(Replier.class)
			.run((serverApp) -> {
				String address = ZmqTestSupport.boundAddress(serverApp, "secure");
				ZmqTestSupport.runner()
					.withPropertyValues("zmq.endpoints.server.addresses=>" + address)
					.run((clientApp) -> assertThatExceptionOfType(ZmqRequestTimeoutException.class)
						.isThrownBy(() -> clientApp.getBean(ZmqTemplate.class)
							.request("server", "denied", String.class, Duration.ofSeconds(1))));
				assertThat(refusedAttempts(serverApp, address, "address", none(), 2)).containsOnlyNulls();
				assertThat(refusedHandshakes(serverApp)).isGreaterThanOrEqualTo(2);
				assertThat(received(serverApp, "secure")).isZero();
			});
	}

	@Test
	void addressNotOnTheAllowListIsRefused() {
		observedRunner()
			.withPropertyValues(prefix("secure") + "addresses=@tcp://127.0.0.1:*",
					prefix("secure") + "security.allow=10.0.0.0/8,192.168.1.7")
			.withUserConfiguration(Replier.class)
			.run((serverApp) -> {
				String address = ZmqTestSupport.boundAddress(serverApp, "secure");
				assertThat(refusedAttempts(serverApp, address, "address", none(), 2)).containsOnlyNulls();
				assertThat(received(serverApp, "secure")).isZero();
			});
	}

	@Test
	void addressInAnAllowedRangeIsServed() {
		observedRunner()
			.withPropertyValues(prefix("secure") + "addresses=@tcp://127.0.0.1:*",
					prefix("secure") + "security.allow=10.0.0.0/8,127.0.0.0/8")
			.withUserConfiguration(Replier.class)
			.run((serverApp) -> {
				String address = ZmqTestSupport.boundAddress(serverApp, "secure");
				assertThat(rawRequest(address, none(), "allowed", TIMEOUT)).isEqualTo("allowed!");
				assertThat(refusedCount(serverApp, "secure", "address")).isZero();
				assertThat(refusedHandshakes(serverApp)).isZero();
			});
	}

	@Test
	void denyWinsOverAllowAndAppliesToCurveServersToo() {
		observedRunner().withPropertyValues(curveServer("secure", "@tcp://127.0.0.1:*", this.server, this.client))
			.withPropertyValues(prefix("secure") + "security.allow=127.0.0.0/8",
					prefix("secure") + "security.deny=127.0.0.1")
			.withUserConfiguration(Replier.class)
			.run((serverApp) -> {
				String address = ZmqTestSupport.boundAddress(serverApp, "secure");
				// the client's key is allowed, its address is not
				assertThat(refusedAttempts(serverApp, address, "address", curve(this.client, this.serverKey), 2))
					.containsOnlyNulls();
				assertThat(refusedCount(serverApp, "secure", "client-key")).isZero();
				assertThat(received(serverApp, "secure")).isZero();
			});
	}

	@Test
	void manyAttemptsFromOneUnknownClientLogOneWarnLine(CapturedOutput output) {
		ZCert otherStranger = SecurityTestSupport.newCert();
		observedRunner().withPropertyValues(curveServer("secure", "@tcp://127.0.0.1:*", this.server, this.client))
			.withUserConfiguration(Replier.class)
			.run((serverApp) -> {
				String address = ZmqTestSupport.boundAddress(serverApp, "secure");
				long started = System.nanoTime();
				int attempts = 20;
				refusedAttempts(serverApp, address, "client-key", curve(this.stranger, this.serverKey), attempts);
				// a new key from the same address: no new line, or a peer that makes up
				// keys would fill the log
				refusedAttempts(serverApp, address, "client-key", curve(otherStranger, this.serverKey), 3);
				long elapsedMinutes = TimeUnit.NANOSECONDS.toMinutes(System.nanoTime() - started);
				assertThat(refusedCount(serverApp, "secure", "client-key")).isGreaterThanOrEqualTo(attempts + 3);
				assertThat(refusedHandshakes(serverApp)).isGreaterThanOrEqualTo(attempts + 3);
				List<String> lines = Arrays.asList(output.getAll().split("\\R"));
				List<String> refusals = warnings(lines, "(listener 'secure') refused");
				// one line per socket, peer address and minute: exactly one unless the
				// machine took that long
				assertThat(refusals).hasSizeBetween(1, 1 + (int) elapsedMinutes);
				assertThat(refusals.get(0)).contains("127.0.0.1")
					.contains(this.stranger.getPublicKeyAsZ85())
					.contains("zmq.endpoints.secure.security.curve.allowed-client-keys");
				assertThat(output.getAll()).doesNotContain(this.server.getSecretKeyAsZ85())
					.doesNotContain(this.stranger.getSecretKeyAsZ85())
					.doesNotContain(otherStranger.getSecretKeyAsZ85());
			});
	}

	/**
	 * Knock with a fresh raw socket each time until the server counted the refusal.
	 * @return what each attempt got back ({@code null} for nothing)
	 */
	private static List<String> refusedAttempts(ApplicationContext serverApp, String address, String reason,
			Consumer<ZMQ.Socket> security, int attempts) {
		List<String> replies = new ArrayList<>();
		for (int i = 0; i < attempts; i++) {
			replies.add(SecurityTestSupport.refusedRequest(serverApp, "secure", reason, address, security));
		}
		return replies;
	}

	private static List<String> warnings(List<String> lines, String text) {
		return lines.stream().filter((line) -> line.contains(" WARN ") && line.contains(text)).toList();
	}

	private static List<ZmqSocketEvent> peerRefusedEvents(SocketEvents events, String owner) {
		return events.events.stream()
			.filter((event) -> event.getType() == ZmqSocketEventType.PEER_REFUSED
					&& event.getOwner().name().equals(owner))
			.toList();
	}

	private static long received(ApplicationContext context, String listenerId) {
		return context.getBean(ZmqListenerEndpointRegistry.class)
			.getListenerContainer(listenerId)
			.getCounters()
			.received();
	}

	static class Replier {

		@ZmqReplier(value = "secure", id = "secure")
		String echo(String request) {
			return request + "!";
		}

	}

}
