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

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.annotation.ZmqReplier;
import io.github.zmqspring.guard.ZmqReceiveGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.context.ApplicationContext;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The receive guard against raw-socket peers on loopback: a frame the budget cannot hold,
 * a multipart message that never ends and a peer that stops after the greeting each lose
 * their connection, are counted, and leave the listener serving everyone else; budget
 * taken by legal traffic comes back when it is read.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ReceiveGuardIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String[] LIMITS = { "zmq.endpoints.guarded.addresses=@tcp://127.0.0.1:*",
			"zmq.context.socket-receive-budget=256KB", "zmq.context.receive-budget=1MB", "zmq.context.max-frames=8",
			"zmq.context.max-multipart-size=512KB", "zmq.endpoints.guarded.heartbeat-interval=500ms",
			"zmq.endpoints.guarded.handshake-interval=500ms" };

	@Test
	void announcedFrameBeyondTheBudgetDropsThatPeerBeforeItsBytesArrive() {
		run((context, address) -> {
			try (RawZmtpPeer peer = RawZmtpPeer.connect(address)) {
				peer.handshake("DEALER").frame(new byte[0], true).frameHeader(2L * 1024 * 1024, false);
				assertThat(peer.isClosedByPeer()).as("dropped on the header").isTrue();
			}
			assertServing(address);
			assertThat(guard(context).droppedConnections()).isEqualTo(1);
		});
	}

	@Test
	void budgetHeldByStalledPeersComesBackOnceTheyAreGone() {
		run((context, address) -> {
			try (RawZmtpPeer stalled = RawZmtpPeer.connect(address)) {
				// 200 KB of the 256 KB socket budget reserved for a frame that never
				// comes
				stalled.handshake("DEALER").frame(new byte[0], true).frameHeader(200 * 1024, false);
				await().atMost(TIMEOUT).until(() -> guard(context).bufferedBytes() >= 200 * 1024);
			}
			// JeroMQ drops the half-received frame with the connection; a refused frame
			// asks for the collection that returns its budget
			byte[] body = new byte[100 * 1024];
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(ZmqTestSupport.rawRequestText(address, body))
					.isEqualTo(String.valueOf(body.length)));
			await().atMost(TIMEOUT).until(() -> guard(context).bufferedBytes() == 0);
		});
	}

	@Test
	void multipartMessageThatNeverEndsDropsThatPeer() {
		run((context, address) -> {
			try (RawZmtpPeer peer = RawZmtpPeer.connect(address)) {
				peer.handshake("DEALER");
				// twenty one-byte frames, each with MORE, in one write (the peer is
				// dropped
				// while they arrive)
				byte[] frames = new byte[3 * 20];
				for (int i = 0; i < frames.length; i += 3) {
					frames[i] = 0x01;
					frames[i + 1] = 0x01;
					frames[i + 2] = 'z';
				}
				peer.raw(frames);
				assertThat(peer.isClosedByPeer()).as("dropped after max-frames").isTrue();
			}
			assertServing(address);
			assertThat(guard(context).droppedConnections()).isEqualTo(1);
		});
	}

	@Test
	void peerThatStopsAfterTheGreetingIsDroppedWithinTheHandshakeDeadline() {
		run((context, address) -> {
			try (RawZmtpPeer peer = RawZmtpPeer.connect(address)) {
				peer.greeting();
				// 500 ms handshake interval + 500 ms heartbeat + 2 s margin
				await().atMost(TIMEOUT).until(() -> guard(context).droppedConnections() == 1);
				assertThat(peer.isClosedByPeer()).isTrue();
			}
			assertServing(address);
		});
	}

	@Test
	void idleClientIsKeptPastTheDeadlineAndLegalTrafficGivesItsBudgetBack() {
		run((context, address) -> {
			try (ZContext clients = new ZContext(); ZMQ.Socket idle = clients.createSocket(SocketType.DEALER)) {
				idle.setLinger(0);
				idle.setReceiveTimeOut(5000);
				// JeroMQ 0.6.0 sometimes stalls a fresh tcp handshake: retry it soon
				idle.setHandshakeIvl(500);
				idle.connect(address);
				byte[] body = new byte[200 * 1024];
				for (int i = 0; i < 30; i++) {
					assertThat(ZmqTestSupport.rawRequestText(address, body)).isEqualTo(String.valueOf(body.length));
				}
				await().atMost(TIMEOUT).until(() -> guard(context).bufferedBytes() == 0);
				// a real client answers heartbeats: it stays past the 3 s handshake
				// deadline
				await().during(Duration.ofSeconds(4))
					.atMost(TIMEOUT)
					.until(() -> guard(context).droppedConnections() == 0);
				ZMsg request = new ZMsg();
				request.add(new byte[0]);
				request.add(new byte[7]);
				assertThat(request.send(idle)).isTrue();
				ZMsg reply = ZMsg.recvMsg(idle);
				assertThat(reply).isNotNull();
				assertThat(reply.getLast().getString(ZMQ.CHARSET)).isEqualTo("7");
			}
		});
	}

	private static void assertServing(String address) {
		assertThat(ZmqTestSupport.rawRequestText(address, new byte[10])).isEqualTo("10");
	}

	private static ZmqReceiveGuard guard(ApplicationContext context) {
		return context.getBean(ZmqReceiveGuard.class);
	}

	private static void run(GuardedTest test) {
		ZmqTestSupport.runner().withPropertyValues(LIMITS).withUserConfiguration(SizeReplier.class).run((context) -> {
			test.run(context, ZmqTestSupport.boundAddress(context, "guarded"));
		});
	}

	@FunctionalInterface
	interface GuardedTest {

		void run(ApplicationContext context, String address) throws IOException;

	}

	static class SizeReplier {

		@ZmqReplier(value = "guarded", id = "guarded")
		String size(byte[] request) {
			return String.valueOf(request.length);
		}

	}

}
