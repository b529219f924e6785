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

package io.github.zmqspring.hostile;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.ZCert;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.annotation.ZmqReplier;
import io.github.zmqspring.core.ZmqTemplate;
import io.github.zmqspring.event.ZmqSocketEvent;
import io.github.zmqspring.event.ZmqSocketEventListener;
import io.github.zmqspring.event.ZmqSocketEventType;
import io.github.zmqspring.guard.DropReason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A CURVE server keeps the handshake deadline: a peer that sends the CURVE greeting and
 * then nothing loses its connection, while an authorised client is served and keeps its
 * idle connection (the ZAP handler's verdict counts as hearing from it).
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class CurveHostilePeerTests {

	@Test
	void peerThatStopsAfterTheCurveGreetingIsDroppedWhileAnAuthorisedClientStays() throws Exception {
		ZCert server = ZmqTestSupport.newCurveCert();
		ZCert client = ZmqTestSupport.newCurveCert();
		int port = ZmqTestSupport.freePort();
		List<ZmqSocketEvent> drops = new CopyOnWriteArrayList<>();
		ZmqTestSupport.runner().withBean(Echo.class).withBean(ZmqSocketEventListener.class, () -> (event) -> {
			if (event.getType() == ZmqSocketEventType.PEER_DROPPED) {
				drops.add(event);
			}
		})
			.withPropertyValues("zmq.endpoints.secure.addresses=@tcp://127.0.0.1:" + port,
					"zmq.endpoints.secure.handshake-interval=500ms", "zmq.endpoints.secure.heartbeat-interval=500ms",
					"zmq.endpoints.secure.security.mechanism=curve",
					"zmq.endpoints.secure.security.curve.secret-key=" + server.getSecretKeyAsZ85(),
					"zmq.endpoints.secure.security.curve.allowed-client-keys=" + client.getPublicKeyAsZ85(),
					"zmq.endpoints.client.addresses=>tcp://127.0.0.1:" + port,
					"zmq.endpoints.client.handshake-interval=500ms", "zmq.endpoints.client.security.mechanism=curve",
					"zmq.endpoints.client.security.curve.secret-key=" + client.getSecretKeyAsZ85(),
					"zmq.endpoints.client.security.curve.server-key=" + server.getPublicKeyAsZ85())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				assertThat(template.request("client", "before", String.class, Duration.ofSeconds(10)))
					.isEqualTo("echo before");
				try (RawZmtpPeer peer = RawZmtpPeer.connect("tcp://127.0.0.1:" + port)) {
					peer.greeting("CURVE");
					// 500 ms handshake interval + 500 ms heartbeat + 2 s margin
					await().atMost(Duration.ofSeconds(10)).until(() -> !drops.isEmpty());
					assertThat(peer.isClosedByPeer()).isTrue();
				}
				assertThat(drops).singleElement()
					.satisfies((event) -> assertThat(DropReason.of(event.getValue()))
						.isEqualTo(DropReason.HANDSHAKE_TIMEOUT));
				// the authorised client's connection, idle all along, is still there
				assertThat(template.request("client", "after", String.class, Duration.ofSeconds(10)))
					.isEqualTo("echo after");
				assertThat(drops).hasSize(1);
			});
	}

	@Test
	void largeCurveMessagesAreNotHeldAgainstTheReceiveBudget() {
		ZCert server = ZmqTestSupport.newCurveCert();
		ZCert client = ZmqTestSupport.newCurveCert();
		int port = ZmqTestSupport.freePort();
		List<ZmqSocketEvent> drops = new CopyOnWriteArrayList<>();
		ZmqTestSupport.runner().withBean(Sink.class).withBean(ZmqSocketEventListener.class, () -> (event) -> {
			if (event.getType() == ZmqSocketEventType.PEER_DROPPED) {
				drops.add(event);
			}
		})
			// 40 messages of 256 KiB are 10 MiB: JeroMQ's discarded ciphertext frames
			// would
			// hold a 2 MiB budget until the next collection
			.withPropertyValues("zmq.context.receive-budget=2MB",
					"zmq.endpoints.sink.addresses=@tcp://127.0.0.1:" + port,
					"zmq.endpoints.sink.security.mechanism=curve",
					"zmq.endpoints.sink.security.curve.secret-key=" + server.getSecretKeyAsZ85(),
					"zmq.endpoints.sink.security.curve.allowed-client-keys=" + client.getPublicKeyAsZ85(),
					"zmq.endpoints.work.addresses=>tcp://127.0.0.1:" + port,
					"zmq.endpoints.work.security.mechanism=curve",
					"zmq.endpoints.work.security.curve.secret-key=" + client.getSecretKeyAsZ85(),
					"zmq.endpoints.work.security.curve.server-key=" + server.getPublicKeyAsZ85())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				Sink sink = context.getBean(Sink.class);
				byte[] body = new byte[256 * 1024];
				for (int i = 0; i < 40; i++) {
					template.push("work", body);
				}
				await().atMost(Duration.ofSeconds(20)).until(() -> sink.received.get() == 40);
				assertThat(drops).isEmpty();
			});
	}

	static class Sink {

		final java.util.concurrent.atomic.AtomicInteger received = new java.util.concurrent.atomic.AtomicInteger();

		@io.github.zmqspring.annotation.ZmqPuller(value = "sink", id = "curve-sink")
		void take(byte[] body) {
			this.received.incrementAndGet();
		}

	}

	static class Echo {

		@ZmqReplier(value = "secure", id = "curve-hostile-echo")
		String echo(String text) {
			return "echo " + text;
		}

	}

}
