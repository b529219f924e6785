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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.annotation.ZmqPuller;
import io.github.zmqspring.annotation.ZmqReplier;
import io.github.zmqspring.annotation.ZmqSubscriber;
import io.github.zmqspring.core.ZmqHeaders;
import io.github.zmqspring.core.ZmqTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.ZCert;

import org.springframework.messaging.handler.annotation.Header;

import static io.github.zmqspring.security.SecurityTestSupport.curve;
import static io.github.zmqspring.security.SecurityTestSupport.curveClient;
import static io.github.zmqspring.security.SecurityTestSupport.curveServer;
import static io.github.zmqspring.security.SecurityTestSupport.location;
import static io.github.zmqspring.security.SecurityTestSupport.prefix;
import static io.github.zmqspring.security.SecurityTestSupport.rawRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * CURVE end to end between two applications (one context each, as two processes would
 * be): request-reply, publish-subscribe and push-pull with inline keys, keys from
 * certificate files, and an allowed-clients directory that is re-read while the server
 * runs.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class CurveIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final ZCert server = SecurityTestSupport.newCert();

	private final ZCert client = SecurityTestSupport.newCert();

	private final String serverKey = this.server.getPublicKeyAsZ85();

	@Test
	void templateRequestsAreAnsweredByACurveReplierWithInlineKeys() {
		ZmqTestSupport.runner()
			.withPropertyValues(curveServer("secure", "@tcp://127.0.0.1:*", this.server, this.client))
			.withUserConfiguration(Replier.class)
			.run((serverApp) -> {
				String address = ZmqTestSupport.boundAddress(serverApp, "secure");
				ZmqTestSupport.runner()
					.withPropertyValues(curveClient("server", ">" + address, this.client, this.serverKey))
					.run((clientApp) -> {
						ZmqTemplate template = clientApp.getBean(ZmqTemplate.class);
						for (int i = 0; i < 10; i++) {
							assertThat(template.request("server", "hello " + i, String.class, TIMEOUT))
								.isEqualTo("hello " + i + "!");
						}
					});
			});
	}

	@Test
	void onlyCiphertextCrossesTheWire() throws IOException {
		String payload = "a payload nobody on the wire may read";
		ZmqTestSupport.runner()
			.withPropertyValues(curveServer("secure", "@tcp://127.0.0.1:*", this.server, this.client))
			.withPropertyValues("zmq.endpoints.open.addresses=@tcp://127.0.0.1:*")
			.withUserConfiguration(Replier.class, OpenReplier.class)
			.run((serverApp) -> {
				try (TcpTap secureTap = new TcpTap(port(ZmqTestSupport.boundAddress(serverApp, "secure")));
						TcpTap openTap = new TcpTap(port(ZmqTestSupport.boundAddress(serverApp, "open")))) {
					ZmqTestSupport.runner()
						.withPropertyValues(
								curveClient("server", ">" + secureTap.address(), this.client, this.serverKey))
						.withPropertyValues("zmq.endpoints.open.addresses=>" + openTap.address())
						.run((clientApp) -> {
							ZmqTemplate template = clientApp.getBean(ZmqTemplate.class);
							assertThat(template.request("server", payload, String.class, TIMEOUT))
								.isEqualTo(payload + "!");
							assertThat(template.request("open", payload, String.class, TIMEOUT))
								.isEqualTo(payload + "?");
						});
					// the greeting names the mechanism in clear text (ZMTP 3.0)
					assertThat(secureTap.seen()).contains("CURVE").doesNotContain(payload).doesNotContain("NULL");
					// control: without security the same tap reads the payload
					assertThat(openTap.seen()).contains("NULL").contains(payload);
				}
			});
	}

	@Test
	void curveSubscriberReceivesWhatTheTemplatePublishesFromABoundCurvePublisher() {
		int port = ZmqTestSupport.freePort();
		ZmqTestSupport.runner()
			.withPropertyValues(curveServer("news", "@tcp://127.0.0.1:" + port, this.server, this.client))
			.run((publisherApp) -> {
				ZmqTemplate template = publisherApp.getBean(ZmqTemplate.class);
				// opens (binds) the publisher before anyone subscribes
				assertThat(template.awaitSubscribers("news", 1, Duration.ofMillis(100))).isFalse();
				ZmqTestSupport.runner()
					.withPropertyValues(curveClient("news", ">tcp://127.0.0.1:" + port, this.client, this.serverKey))
					.withUserConfiguration(Subscriber.class)
					.run((subscriberApp) -> {
						assertThat(template.awaitSubscribers("news", "weather", 1, TIMEOUT)).isTrue();
						BlockingQueue<String> received = subscriberApp.getBean(Subscriber.class).received;
						for (int i = 0; i < 10; i++) {
							template.publish("news", "weather", "report " + i);
						}
						for (int i = 0; i < 10; i++) {
							assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("weather=report " + i);
						}
					});
			});
	}

	@Test
	void curvePullerReceivesEveryMessageTheTemplatePushes() {
		ZmqTestSupport.runner()
			.withPropertyValues(curveServer("tasks", "@tcp://127.0.0.1:*", this.server, this.client))
			.withUserConfiguration(Puller.class)
			.run((serverApp) -> {
				String address = ZmqTestSupport.boundAddress(serverApp, "tasks");
				ZmqTestSupport.runner()
					.withPropertyValues(curveClient("tasks", ">" + address, this.client, this.serverKey))
					.run((clientApp) -> {
						ZmqTemplate template = clientApp.getBean(ZmqTemplate.class);
						List<String> expected = new ArrayList<>();
						for (int i = 0; i < 50; i++) {
							template.push("tasks", "task " + i);
							expected.add("task " + i);
						}
						BlockingQueue<String> received = serverApp.getBean(Puller.class).received;
						List<String> messages = new ArrayList<>();
						await().atMost(TIMEOUT).until(() -> {
							received.drainTo(messages);
							return messages.size() >= expected.size();
						});
						assertThat(messages).containsExactlyElementsOf(expected);
					});
			});
	}

	@Test
	void keysFromCertificateFilesAndAnAllowedClientsDirectory(@TempDir Path directory) throws IOException {
		SecurityTestSupport.save(this.server, directory, "server");
		SecurityTestSupport.save(this.client, directory, "client");
		Path clients = Files.createDirectory(directory.resolve("clients"));
		this.client.savePublic(clients.resolve("client.key").toString());
		ZmqTestSupport.runner()
			.withPropertyValues(prefix("secure") + "addresses=@tcp://127.0.0.1:*",
					prefix("secure") + "security.mechanism=curve",
					prefix("secure") + "security.curve.certificate=" + location(directory.resolve("server.key_secret")),
					prefix("secure") + "security.curve.allowed-clients-directory=" + location(clients))
			.withUserConfiguration(Replier.class)
			.run((serverApp) -> {
				String address = ZmqTestSupport.boundAddress(serverApp, "secure");
				ZmqTestSupport.runner()
					.withPropertyValues(prefix("server") + "addresses=>" + address,
							prefix("server") + "security.mechanism=curve",
							prefix("server") + "security.curve.certificate="
									+ location(directory.resolve("client.key_secret")),
							prefix("server") + "security.curve.server-certificate="
									+ location(directory.resolve("server.key")))
					.run((clientApp) -> {
						ZmqTemplate template = clientApp.getBean(ZmqTemplate.class);
						assertThat(template.request("server", "from files", String.class, TIMEOUT))
							.isEqualTo("from files!");
					});
			});
	}

	@Test
	void allowedClientsDirectoryIsReReadWhenAKeyFileIsAddedOrRemoved(@TempDir Path directory) throws IOException {
		ZCert newcomer = SecurityTestSupport.newCert();
		Path clients = Files.createDirectory(directory.resolve("clients"));
		Path clientFile = this.client.savePublic(clients.resolve("client.key").toString()).toPath();
		SecurityTestSupport.observedRunner()
			.withPropertyValues(prefix("secure") + "addresses=@tcp://127.0.0.1:*",
					prefix("secure") + "security.mechanism=curve",
					prefix("secure") + "security.curve.secret-key=" + this.server.getSecretKeyAsZ85(),
					prefix("secure") + "security.curve.allowed-clients-directory=" + location(clients))
			.withUserConfiguration(Replier.class)
			.run((serverApp) -> {
				String address = ZmqTestSupport.boundAddress(serverApp, "secure");
				assertThat(rawRequest(address, curve(this.client, this.serverKey), "listed", TIMEOUT))
					.isEqualTo("listed!");
				assertThat(SecurityTestSupport.refusedRequest(serverApp, "secure", "client-key", address,
						curve(newcomer, this.serverKey)))
					.isNull();

				newcomer.savePublic(clients.resolve("newcomer.key").toString());
				await().atMost(Duration.ofSeconds(30))
					.pollDelay(Duration.ZERO)
					.until(() -> "added!"
						.equals(rawRequest(address, curve(newcomer, this.serverKey), "added", Duration.ofSeconds(1))));

				Files.delete(clientFile);
				double refusedBefore = SecurityTestSupport.refusedCount(serverApp, "secure", "client-key");
				await().atMost(Duration.ofSeconds(30))
					.pollDelay(Duration.ZERO)
					.until(() -> rawRequest(address, curve(this.client, this.serverKey), "removed",
							Duration.ofSeconds(1)) == null
							&& SecurityTestSupport.refusedCount(serverApp, "secure", "client-key") > refusedBefore);
				assertThat(rawRequest(address, curve(newcomer, this.serverKey), "still", TIMEOUT)).isEqualTo("still!");
			});
	}

	private static int port(String address) {
		return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
	}

	static class Replier {

		@ZmqReplier(value = "secure", id = "secure")
		String echo(String request) {
			return request + "!";
		}

	}

	static class OpenReplier {

		@ZmqReplier(value = "open", id = "open")
		String echo(String request) {
			return request + "?";
		}

	}

	static class Subscriber {

		final BlockingQueue<String> received = new LinkedBlockingQueue<>();

		@ZmqSubscriber(value = "news", id = "news", topics = "weather")
		void onMessage(String payload, @Header(ZmqHeaders.TOPIC) String topic) {
			this.received.add(topic + "=" + payload);
		}

	}

	static class Puller {

		final BlockingQueue<String> received = new LinkedBlockingQueue<>();

		@ZmqPuller(value = "tasks", id = "tasks")
		void onTask(String task) {
			this.received.add(task);
		}

	}

}
