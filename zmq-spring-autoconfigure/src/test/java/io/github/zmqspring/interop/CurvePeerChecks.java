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

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

import io.github.zmqspring.core.ZmqTemplate;
import io.github.zmqspring.event.ZmqSocketEvent;
import io.github.zmqspring.event.ZmqSocketEventListener;
import io.github.zmqspring.event.ZmqSocketEventType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the security interop tests check on their pyzmq peers: the lines the python
 * scripts print (replies, timeouts, closed connections, ZAP summaries), pyzmq-written
 * certificates, and the refusal meter.
 *
 * @author zmq-spring contributors
 */
final class CurvePeerChecks {

	/** How long a refused pyzmq client waits for the reply that must not come. */
	static final String REFUSED_WAIT_MS = "1500";

	private CurvePeerChecks() {
	}

	static void assertTemplateServed(ZmqTemplate template) {
		for (int i = 0; i < 3; i++) {
			assertThat(template.request("server", "hello " + i, String.class, Duration.ofSeconds(5)))
				.isEqualTo("HELLO " + i);
		}
	}

	static void assertServerSummary(PythonPeer server, int handled, int denied) {
		server.stop();
		JsonNode summary = untilField(server, "handled");
		assertThat(summary.get("handled").asInt()).isEqualTo(handled);
		assertThat(summary.get("accepted").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(summary.get("denied").asInt()).isEqualTo(denied);
	}

	static PythonPeer refusedClient(String endpoint, String... options) {
		List<String> args = new ArrayList<>(List.of(endpoint, REFUSED_WAIT_MS));
		args.addAll(List.of(options));
		args.add("must not be served");
		return PythonPeer.start("secure_req_client.py", args.toArray(String[]::new));
	}

	/**
	 * Assert that a refused REQ client got no reply: it timed out waiting (exit code 2).
	 * @return its attempt as {@code [start, end]} on python's monotonic clock
	 */
	static double[] assertRefused(PythonPeer peer) {
		double start = peer.nextJson().get("start").asDouble();
		JsonNode outcome = peer.nextJson();
		assertThat(outcome.has("reply")).as("refused client got a reply: %s", outcome).isFalse();
		assertThat(outcome.get("error").asString()).isEqualTo("timeout");
		assertThat(peer.waitForExit(Duration.ofSeconds(5))).isEqualTo(2);
		return new double[] { start, outcome.get("t").asDouble() };
	}

	static void assertClosed(PythonPeer garbage) {
		JsonNode outcome = garbage.nextJson();
		assertThat(outcome.get("closed").asBoolean()).as("garbage connection closed: %s", outcome).isTrue();
		assertThat(garbage.waitForExit(Duration.ofSeconds(5))).isZero();
	}

	static void assertServedWithin(List<JsonNode> served, PythonPeer authorised, double[] window) {
		drain(authorised, served);
		assertThat(served).as("authorised replies between %s and %s", window[0], window[1])
			.anySatisfy((line) -> assertThat(line.get("t").asDouble()).isBetween(window[0], window[1]));
	}

	/**
	 * Move the replies a repeating client printed so far into {@code served}, failing on
	 * an error line.
	 */
	static void drain(PythonPeer client, List<JsonNode> served) {
		for (JsonNode line = client.pollJson(); line != null; line = client.pollJson()) {
			assertThat(line.has("error")).as("authorised client: %s", line).isFalse();
			if (line.has("reply")) {
				served.add(line);
			}
		}
	}

	static String reply(PythonPeer client) {
		JsonNode line = client.nextJson();
		assertThat(line.has("reply")).as("reply expected: %s", line).isTrue();
		return line.get("reply").asString();
	}

	/** Read lines until one has the field, skipping the others (ZAP replies). */
	static JsonNode untilField(PythonPeer peer, String field) {
		for (int i = 0; i < 1000; i++) {
			JsonNode line = peer.nextJson();
			if (line.has(field)) {
				return line;
			}
		}
		throw new AssertionError("No line with '" + field + "'");
	}

	static double refusals(MeterRegistry meters, String reason) {
		return meters.find("zmq.socket.peers.refused")
			.tag("reason", reason)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	/**
	 * Write key pairs with pyzmq's {@code zmq.auth.create_certificates}: each
	 * {@code NAME.key} stays in {@code publicDir}, each {@code NAME.key_secret} goes to
	 * {@code secretDir}.
	 * @return the public keys (Z85) by name
	 */
	static Map<String, String> pyzmqCertificates(Path publicDir, Path secretDir, String... names) {
		List<String> args = new ArrayList<>(List.of(publicDir.toString(), secretDir.toString()));
		args.addAll(List.of(names));
		Map<String, String> keys = new HashMap<>();
		try (PythonPeer certs = PythonPeer.start("certs.py", args.toArray(String[]::new))) {
			for (int i = 0; i < names.length; i++) {
				JsonNode line = certs.nextJson();
				keys.put(line.get("name").asString(), line.get("public").asString());
			}
			assertThat(certs.waitForExit(Duration.ofSeconds(10))).isZero();
		}
		return keys;
	}

	/**
	 * Collects the PEER_REFUSED events of an application's sockets.
	 */
	static class RefusalEvents implements ZmqSocketEventListener {

		final List<ZmqSocketEvent> events = new CopyOnWriteArrayList<>();

		@Override
		public void onSocketEvent(ZmqSocketEvent event) {
			if (event.getType() == ZmqSocketEventType.PEER_REFUSED) {
				this.events.add(event);
			}
		}

	}

}
