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

package io.github.zmqspring.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.annotation.ZmqReplier;
import io.github.zmqspring.annotation.ZmqSubscriber;
import io.github.zmqspring.autoconfigure.ZmqAutoConfiguration;
import io.github.zmqspring.autoconfigure.ZmqMetricsAutoConfiguration;
import io.github.zmqspring.core.ZmqHeaders;
import io.github.zmqspring.core.ZmqRequestTimeoutException;
import io.github.zmqspring.core.ZmqTemplate;
import io.github.zmqspring.security.RefusalReason;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.ZCert;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Payload;

import static io.github.zmqspring.interop.CurvePeerChecks.assertServerSummary;
import static io.github.zmqspring.interop.CurvePeerChecks.assertTemplateServed;
import static io.github.zmqspring.interop.CurvePeerChecks.refusedClient;
import static io.github.zmqspring.interop.CurvePeerChecks.assertRefused;
import static io.github.zmqspring.interop.CurvePeerChecks.assertClosed;
import static io.github.zmqspring.interop.CurvePeerChecks.assertServedWithin;
import static io.github.zmqspring.interop.CurvePeerChecks.drain;
import static io.github.zmqspring.interop.CurvePeerChecks.reply;
import static io.github.zmqspring.interop.CurvePeerChecks.untilField;
import static io.github.zmqspring.interop.CurvePeerChecks.refusals;
import static io.github.zmqspring.interop.CurvePeerChecks.pyzmqCertificates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * CURVE and PLAIN between zmq-spring and pyzmq (libzmq) peers: key files written by one
 * side and read by the other, pyzmq's {@code ThreadAuthenticator} judging our template,
 * and our ZAP handler refusing pyzmq clients while it keeps serving the authorised one.
 * Every key pair and password is made for the test run.
 *
 * @author zmq-spring contributors
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@ExtendWith(OutputCaptureExtension.class)
class SecurityInteropTests {

	private static final String SECURE = "zmq.endpoints.secure.";

	private static final String SERVER = "zmq.endpoints.server.";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ZmqAutoConfiguration.class, JacksonAutoConfiguration.class,
				ZmqMetricsAutoConfiguration.class))
		.withBean(SimpleMeterRegistry.class)
		.withBean(CurvePeerChecks.RefusalEvents.class);

	@TempDir
	Path dir;

	@BeforeAll
	static void pyzmq() {
		PythonPeer.assumePyzmq();
	}

	@Test
	void pyzmqCurveClientWhosePyzmqCertificateIsInAllowedDirectoryGetsReplies() {
		Path clients = mkdir("clients");
		Path secrets = mkdir("secrets");
		Path serverPublic = mkdir("server");
		pyzmqCertificates(clients, secrets, "alice");
		pyzmqCertificates(serverPublic, secrets, "server");
		this.contextRunner.withBean(Replier.class)
			.withPropertyValues(SECURE + "addresses=@tcp://127.0.0.1:*", SECURE + "security.mechanism=curve",
					SECURE + "security.curve.certificate=" + secrets.resolve("server.key_secret").toUri(),
					SECURE + "security.curve.allowed-clients-directory=" + clients.toUri())
			.run((context) -> {
				try (PythonPeer client = PythonPeer.start("secure_req_client.py",
						PythonPeer.boundAddress(context, "secure"), "5000", "--cert",
						secrets.resolve("alice.key_secret").toString(), "--server-cert",
						serverPublic.resolve("server.key").toString(), "one", "two", "three")) {
					assertThat(client.nextJson().has("start")).isTrue();
					assertThat(List.of(reply(client), reply(client), reply(client))).containsExactly("secure:one",
							"secure:two", "secure:three");
					assertThat(client.waitForExit(Duration.ofSeconds(5))).isZero();
				}
			});
	}

	@Test
	void templateWithInlineKeysAndServerKeyIsServedByPyzmqAuthenticator() throws IOException {
		Path clients = mkdir("clients");
		Path secrets = mkdir("secrets");
		String serverKey = pyzmqCertificates(mkdir("server"), secrets, "server").get("server");
		ZCert client = ZmqTestSupport.newCurveCert();
		// a public file written by JeroMQ, read by pyzmq's load_certificates
		client.savePublic(clients.resolve("java-client.key").toString());
		try (PythonPeer server = PythonPeer.start("curve_rep_server.py", "30",
				secrets.resolve("server.key_secret").toString(), clients.toString())) {
			this.contextRunner
				.withPropertyValues(SERVER + "addresses=tcp://127.0.0.1:" + server.port(),
						SERVER + "security.mechanism=curve",
						SERVER + "security.curve.public-key=" + client.getPublicKeyAsZ85(),
						SERVER + "security.curve.secret-key=" + client.getSecretKeyAsZ85(),
						SERVER + "security.curve.server-key=" + serverKey)
				.run((context) -> assertTemplateServed(context.getBean(ZmqTemplate.class)));
			assertServerSummary(server, 3, 0);
		}
	}

	@Test
	void templateWithJeromqCertificateAndPyzmqServerCertificateIsServedByPyzmqAuthenticator() throws IOException {
		Path clients = mkdir("clients");
		Path secrets = mkdir("secrets");
		Path serverPublic = mkdir("server");
		pyzmqCertificates(serverPublic, secrets, "server");
		ZCert client = ZmqTestSupport.newCurveCert();
		client.savePublic(clients.resolve("java-client.key").toString());
		Path clientSecret = secrets.resolve("java-client.key_secret");
		client.saveSecret(clientSecret.toString());
		try (PythonPeer server = PythonPeer.start("curve_rep_server.py", "30",
				secrets.resolve("server.key_secret").toString(), clients.toString())) {
			this.contextRunner.withPropertyValues(SERVER + "addresses=tcp://127.0.0.1:" + server.port(),
					SERVER + "security.mechanism=curve", SERVER + "security.curve.certificate=" + clientSecret.toUri(),
					SERVER + "security.curve.server-certificate=" + serverPublic.resolve("server.key").toUri())
				.run((context) -> assertTemplateServed(context.getBean(ZmqTemplate.class)));
			assertServerSummary(server, 3, 0);
		}
	}

	@Test
	void templateWhoseKeyIsNotInPyzmqAuthenticatorLocationTimesOutQuickly(CapturedOutput output) {
		Path clients = mkdir("clients");
		Path secrets = mkdir("secrets");
		// the location holds someone else's certificate only
		pyzmqCertificates(clients, secrets, "someone-else");
		String serverKey = pyzmqCertificates(mkdir("server"), secrets, "server").get("server");
		ZCert client = ZmqTestSupport.newCurveCert();
		try (PythonPeer server = PythonPeer.start("curve_rep_server.py", "30",
				secrets.resolve("server.key_secret").toString(), clients.toString())) {
			this.contextRunner
				.withPropertyValues(SERVER + "addresses=tcp://127.0.0.1:" + server.port(),
						SERVER + "request-timeout=500ms", SERVER + "security.mechanism=curve",
						SERVER + "security.curve.public-key=" + client.getPublicKeyAsZ85(),
						SERVER + "security.curve.secret-key=" + client.getSecretKeyAsZ85(),
						SERVER + "security.curve.server-key=" + serverKey)
				.run((context) -> {
					ZmqTemplate template = context.getBean(ZmqTemplate.class);
					long start = System.nanoTime();
					assertThatExceptionOfType(ZmqRequestTimeoutException.class)
						.isThrownBy(() -> template.request("server", "let me in", String.class));
					assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
					// the authenticator saw our key and said no
					assertThat(server.nextJson().get("zap").asString()).isEqualTo("400");
				});
			server.stop();
			JsonNode summary = untilField(server, "handled");
			assertThat(summary.get("handled").asInt()).isZero();
			assertThat(summary.get("accepted").asInt()).isZero();
		}
		assertThat(output).doesNotContain(client.getSecretKeyAsZ85());
	}

	@Test
	void refusedPyzmqClientsGetNoReplyWhileAuthorisedClientIsServedThroughout(CapturedOutput output) {
		Path publicDir = mkdir("public");
		Path secrets = mkdir("secrets");
		Map<String, String> keys = pyzmqCertificates(publicDir, secrets, "alice", "mallory");
		ZCert server = ZmqTestSupport.newCurveCert();
		String serverKey = server.getPublicKeyAsZ85();
		String alice = secrets.resolve("alice.key_secret").toString();
		String mallory = secrets.resolve("mallory.key_secret").toString();
		this.contextRunner.withBean(Replier.class)
			.withPropertyValues(SECURE + "addresses=@tcp://127.0.0.1:*", SECURE + "security.mechanism=curve",
					SECURE + "security.curve.public-key=" + serverKey,
					SECURE + "security.curve.secret-key=" + server.getSecretKeyAsZ85(),
					SECURE + "security.curve.allowed-client-keys[0]=" + keys.get("alice"))
			.run((context) -> {
				String endpoint = PythonPeer.boundAddress(context, "secure");
				String port = endpoint.substring(endpoint.lastIndexOf(':') + 1);
				try (PythonPeer authorised = PythonPeer.start("secure_req_client.py", endpoint, "5000", "--cert", alice,
						"--server-key", serverKey, "--repeat", "ok", "--max-seconds", "60")) {
					List<JsonNode> served = new ArrayList<>();
					await().atMost(Duration.ofSeconds(10)).until(() -> {
						drain(authorised, served);
						return served.size() >= 3;
					});
					List<PythonPeer> refused = new ArrayList<>();
					List<PythonPeer> garbage = new ArrayList<>();
					try {
						// unknown key, wrong server key, NULL, mismatched key pair
						refused.add(refusedClient(endpoint, "--cert", mallory, "--server-key", serverKey));
						refused.add(refusedClient(endpoint, "--cert", alice, "--server-key",
								ZmqTestSupport.newCurveCert().getPublicKeyAsZ85()));
						refused.add(refusedClient(endpoint));
						refused.add(refusedClient(endpoint, "--cert", alice, "--server-key", serverKey,
								"--mismatched-secret"));
						garbage.add(PythonPeer.start("garbage_client.py", port, "5000", "random"));
						garbage.add(PythonPeer.start("garbage_client.py", port, "5000", "curve-hello"));
						double lastEnd = 0;
						for (PythonPeer peer : refused) {
							double[] window = assertRefused(peer);
							assertServedWithin(served, authorised, window);
							lastEnd = Math.max(lastEnd, window[1]);
						}
						for (PythonPeer peer : garbage) {
							assertClosed(peer);
						}
						double after = lastEnd;
						await().atMost(Duration.ofSeconds(10)).until(() -> {
							drain(authorised, served);
							return served.stream().filter((line) -> line.get("t").asDouble() > after).count() >= 3;
						});
					}
					finally {
						refused.forEach(PythonPeer::close);
						garbage.forEach(PythonPeer::close);
					}
					authorised.stop();
					JsonNode done = authorised.nextJson();
					for (; !done.has("done"); done = authorised.nextJson()) {
						assertThat(done.has("reply")).as("authorised client: %s", done).isTrue();
						served.add(done);
					}
					assertThat(done.get("done").asInt()).isEqualTo(served.size());
					for (JsonNode line : served) {
						assertThat(line.get("reply").asString()).isEqualTo("secure:ok-" + line.get("index").asInt());
					}
				}
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				await().atMost(Duration.ofSeconds(5)).until(() -> refusals(meters, "client-key") >= 1);
				// only the unknown key reached the ZAP handler; the others failed the
				// handshake before it
				assertThat(context.getBean(CurvePeerChecks.RefusalEvents.class).events).isNotEmpty()
					.allSatisfy((event) -> {
						assertThat(event.getOwner().name()).isEqualTo("secure");
						assertThat(RefusalReason.of(event.getValue())).isEqualTo(RefusalReason.CLIENT_KEY);
					});
				assertThat(meters.get("zmq.socket.handshake.failures").tag("owner.name", "secure").counter().count())
					.isGreaterThanOrEqualTo(1);
			});
		// the refusal names mallory's public key, never our secret key
		assertThat(output).contains(keys.get("mallory")).doesNotContain(server.getSecretKeyAsZ85());
	}

	@Test
	void pyzmqPlainClientWithRightPasswordIsServedAndWrongPasswordIsRefused(CapturedOutput output) throws IOException {
		String password = UUID.randomUUID().toString();
		String wrongPassword = UUID.randomUUID().toString();
		Path right = Files.writeString(this.dir.resolve("right.pw"), password, StandardCharsets.UTF_8);
		Path wrong = Files.writeString(this.dir.resolve("wrong.pw"), wrongPassword, StandardCharsets.UTF_8);
		this.contextRunner.withBean(Replier.class)
			.withPropertyValues(SECURE + "addresses=@tcp://127.0.0.1:*", SECURE + "security.mechanism=plain",
					SECURE + "security.plain.users.alice=" + password)
			.run((context) -> {
				String endpoint = PythonPeer.boundAddress(context, "secure");
				try (PythonPeer client = PythonPeer.start("secure_req_client.py", endpoint, "5000", "--plain-user",
						"alice", "--plain-password-file", right.toString(), "one", "two")) {
					assertThat(client.nextJson().has("start")).isTrue();
					assertThat(List.of(reply(client), reply(client))).containsExactly("secure:one", "secure:two");
					assertThat(client.waitForExit(Duration.ofSeconds(5))).isZero();
				}
				try (PythonPeer intruder = refusedClient(endpoint, "--plain-user", "alice", "--plain-password-file",
						wrong.toString())) {
					assertRefused(intruder);
				}
				try (PythonPeer client = PythonPeer.start("secure_req_client.py", endpoint, "5000", "--plain-user",
						"alice", "--plain-password-file", right.toString(), "three")) {
					assertThat(client.nextJson().has("start")).isTrue();
					assertThat(reply(client)).isEqualTo("secure:three");
					assertThat(client.waitForExit(Duration.ofSeconds(5))).isZero();
				}
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				await().atMost(Duration.ofSeconds(5)).until(() -> refusals(meters, "credentials") >= 1);
			});
		assertThat(output).doesNotContain(password).doesNotContain(wrongPassword);
	}

	@Test
	void curveSubscriberReceivesFromPyzmqCurvePublisherAndUnknownKeyReceivesNothing() throws IOException {
		Path clients = mkdir("clients");
		Path secrets = mkdir("secrets");
		Path serverPublic = mkdir("server");
		pyzmqCertificates(serverPublic, secrets, "server");
		ZCert allowed = ZmqTestSupport.newCurveCert();
		allowed.savePublic(clients.resolve("java-subscriber.key").toString());
		ZCert stranger = ZmqTestSupport.newCurveCert();
		String serverCertificate = serverPublic.resolve("server.key").toUri().toString();
		try (PythonPeer publisher = PythonPeer.start("curve_publisher.py", "30",
				secrets.resolve("server.key_secret").toString(), clients.toString(), "[\"weather\", \"sunny\"]")) {
			String address = ">tcp://127.0.0.1:" + publisher.port();
			this.contextRunner.withBean(Feeds.class)
				.withPropertyValues("zmq.endpoints.feed.addresses=" + address,
						"zmq.endpoints.feed.security.mechanism=curve",
						"zmq.endpoints.feed.security.curve.public-key=" + allowed.getPublicKeyAsZ85(),
						"zmq.endpoints.feed.security.curve.secret-key=" + allowed.getSecretKeyAsZ85(),
						"zmq.endpoints.feed.security.curve.server-certificate=" + serverCertificate,
						"zmq.endpoints.stranger.addresses=" + address,
						"zmq.endpoints.stranger.security.mechanism=curve",
						"zmq.endpoints.stranger.security.curve.public-key=" + stranger.getPublicKeyAsZ85(),
						"zmq.endpoints.stranger.security.curve.secret-key=" + stranger.getSecretKeyAsZ85(),
						"zmq.endpoints.stranger.security.curve.server-certificate=" + serverCertificate)
				.run((context) -> {
					Feeds feeds = context.getBean(Feeds.class);
					List<String> zap = new ArrayList<>();
					// both subscribers were judged: one let in, the other refused
					await().atMost(Duration.ofSeconds(10)).until(() -> {
						for (JsonNode line = publisher.pollJson(); line != null; line = publisher.pollJson()) {
							zap.add(line.get("zap").asString());
						}
						return zap.contains("200") && zap.contains("400");
					});
					// several rounds (every 50 ms) reached the allowed subscriber
					await().atMost(Duration.ofSeconds(10)).until(() -> feeds.allowed.size() >= 5);
					assertThat(feeds.allowed).allMatch("weather|sunny"::equals);
					assertThat(feeds.stranger).isEmpty();
				});
			publisher.stop();
			JsonNode summary = untilField(publisher, "rounds");
			assertThat(summary.get("accepted").asInt()).isGreaterThanOrEqualTo(1);
			assertThat(summary.get("denied").asInt()).isGreaterThanOrEqualTo(1);
		}
	}

	private Path mkdir(String name) {
		try {
			return Files.createDirectory(this.dir.resolve(name));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static class Replier {

		@ZmqReplier(value = "secure", id = "secure")
		String reply(String text) {
			return "secure:" + text;
		}

	}

	static class Feeds {

		final List<String> allowed = new CopyOnWriteArrayList<>();

		final List<String> stranger = new CopyOnWriteArrayList<>();

		@ZmqSubscriber(value = "feed", id = "feed", topics = "weather")
		void allowed(@Header(ZmqHeaders.TOPIC) String topic, @Payload String payload) {
			this.allowed.add(topic + "|" + payload);
		}

		@ZmqSubscriber(value = "stranger", id = "stranger", topics = "weather")
		void stranger(@Header(ZmqHeaders.TOPIC) String topic, @Payload String payload) {
			this.stranger.add(topic + "|" + payload);
		}

	}

	/** Collects {@code PEER_REFUSED} events, on JeroMQ's thread (it must not block). */

}
