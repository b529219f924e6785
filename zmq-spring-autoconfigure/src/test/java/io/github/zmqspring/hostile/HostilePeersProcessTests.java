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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.github.zmqspring.JavaProcess;
import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.interop.PythonPeer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hostile peers against a running application in its own JVM with a small fixed heap
 * ({@link HostileTargetApplication}, {@value #HEAP}): after each attack a normal client
 * is answered within a bound, heap and file descriptors return to their baseline, health
 * tells the truth, and at the end SIGTERM stops the process promptly. Loopback only,
 * bounded in connections and time.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostilePeersProcessTests {

	private static final String HEAP = "-Xmx128m";

	private static final long MIB = 1024 * 1024;

	private static final Duration RECOVERY = Duration.ofSeconds(30);

	private JavaProcess target;

	private final Map<String, String> addresses = new HashMap<>();

	private long baselineHeap;

	private int baselineFds;

	@BeforeAll
	void startTarget() throws Exception {
		this.target = JavaProcess.start(List.of(HEAP, "-XX:+ExitOnOutOfMemoryError"), HostileTargetApplication.class,
				"--zmq.proxies.broker.type=queue", "--zmq.proxies.broker.frontend=@tcp://127.0.0.1:*",
				"--zmq.proxies.broker.backend=@tcp://127.0.0.1:*",
				"--zmq.endpoints.unused.addresses=tcp://127.0.0.1:1");
		this.target.awaitLine("READY", Duration.ofSeconds(60));
		for (String line : this.target.output()) {
			if (line.startsWith("BOUND ")) {
				String[] parts = line.split(" ");
				this.addresses.put(parts[1], parts[2]);
			}
		}
		assertServed();
		Status status = status();
		this.baselineHeap = status.heap();
		this.baselineFds = status.fds();
	}

	@AfterAll
	void stopTarget() throws Exception {
		if (this.target != null) {
			this.target.close();
			// what the attacked application logged, for a failure's diagnosis
			this.target.output()
				.stream()
				.filter((line) -> !line.contains("rejected a message"))
				.limit(500)
				.forEach((line) -> System.out.println("target> " + line));
		}
	}

	@Test
	@Order(1)
	void frameHeadersAnnouncingMoreThanTheHeapAreNotAllocatedUpFront() throws Exception {
		long dropped = status().dropped();
		List<RawZmtpPeer> peers = new ArrayList<>();
		try {
			// nine headers far above the frame limit, and sixty just below it: 240 MB
			// announced in a few kilobytes, against a 128 MB heap
			for (int i = 0; i < 9; i++) {
				peers.add(stalledHeader(address("echo1"), 60 * MIB));
			}
			for (int i = 0; i < 60; i++) {
				peers.add(stalledHeader(address((i % 2 == 0) ? "echo1" : "pull"), 3 * MIB + 1));
			}
			// and many just above the heap threshold of JeroMQ's own allocator
			for (int i = 0; i < 100; i++) {
				peers.add(stalledHeader(address("json4"), MIB));
			}
			assertServed();
			// the 3 MiB and 1 MiB headers are within max-message-size: beyond the
			// budget, the guard drops them (health shows the count)
			await().atMost(RECOVERY).until(() -> status().dropped() > dropped + 100);
		}
		finally {
			closeAll(peers);
		}
		assertRecovered();
	}

	@Test
	@Order(2)
	void aMultipartMessageThatNeverEndsDoesNotFillTheHeap() throws Exception {
		byte[] chunk = new byte[3 * 64 * 1024];
		for (int i = 0; i < chunk.length; i += 3) {
			// one-byte frames, every one with MORE
			chunk[i] = 0x01;
			chunk[i + 1] = 0x01;
			chunk[i + 2] = 'z';
		}
		for (String id : new String[] { "echo1", "pull" }) {
			try (RawZmtpPeer peer = RawZmtpPeer.connect(address(id))) {
				peer.handshake(id.equals("pull") ? "PUSH" : "DEALER");
				// 40 MB of frames, a third of the heap in bytes and many times it in
				// objects
				for (int i = 0; i < 200; i++) {
					peer.raw(chunk);
				}
				assertServed();
			}
			catch (IOException ex) {
				// the application may drop the connection: that is a defence too
			}
		}
		assertRecovered();
	}

	@Test
	@Order(3)
	void legalFloodsOfLargeMessagesDoNotExhaustMemory() throws Exception {
		// a JSON request a quarter of the frame limit: parsing and writing it back takes
		// several times its size, four at once (json4) fit the 128 MB heap with the
		// budget
		byte[] request = json(MIB);
		byte[] large = new byte[900 * 1024];
		List<RawZmtpPeer> peers = new ArrayList<>();
		try {
			// each is a legal message; together they are many times the heap
			for (int i = 0; i < 16; i++) {
				peers.add(flood(address("json4"), "DEALER", true, request, 1));
			}
			for (int i = 0; i < 40; i++) {
				peers.add(flood(address("broker-frontend"), "DEALER", true, large, 4));
			}
			for (int i = 0; i < 20; i++) {
				peers.add(flood(address("pull"), "PUSH", false, large, 20));
			}
			peers.add(flood(address("sub"), "PUB", false, large, 400));
			assertServed();
		}
		finally {
			closeAll(peers);
		}
		assertRecovered();
	}

	private static RawZmtpPeer flood(String address, String type, boolean envelope, byte[] body, int count)
			throws IOException {
		RawZmtpPeer peer = RawZmtpPeer.connect(address).handshake(type);
		try {
			for (int i = 0; i < count; i++) {
				if (envelope) {
					peer.frame(new byte[0], true);
				}
				peer.frame(body, false);
			}
		}
		catch (IOException ex) {
			// over the receive budget the application drops the connection: that is the
			// defence
		}
		return peer;
	}

	@Test
	@Order(4)
	void connectionsThatOnlySendTheGreetingAreDropped() throws Exception {
		List<RawZmtpPeer> peers = new ArrayList<>();
		try {
			for (int i = 0; i < 200; i++) {
				peers.add(RawZmtpPeer.connect(address((i % 2 == 0) ? "echo1" : "broker-frontend")).greeting());
			}
			assertServed();
			// dropped within the handshake deadline (handshake interval + heartbeat
			// interval + 2 s) while the peers still hold their ends open
			await().atMost(Duration.ofSeconds(20)).until(peers.get(0)::isClosedByPeer);
			await().atMost(Duration.ofSeconds(15))
				.untilAsserted(() -> assertThat(status().fds()).as("descriptors while the peers still hold theirs")
					.isLessThan(this.baselineFds + 50));
		}
		finally {
			closeAll(peers);
		}
		assertRecovered();
	}

	@Test
	@Order(5)
	void garbageFromManyConnectionsIsHarmless() throws Exception {
		Random random = new Random(9);
		for (int i = 0; i < 100; i++) {
			byte[] garbage = new byte[1 + random.nextInt(4096)];
			random.nextBytes(garbage);
			try (RawZmtpPeer peer = RawZmtpPeer.connect(address((i % 2 == 0) ? "json4" : "sub"))) {
				if (i % 3 == 0) {
					peer.handshake((i % 2 == 0) ? "DEALER" : "PUB");
				}
				peer.raw(garbage);
			}
			catch (IOException ex) {
				// dropped by the application: fine
			}
		}
		assertServed();
		assertRecovered();
	}

	@Test
	@Order(6)
	void libzmqPeersFloodingLegalLargeMessagesAreHeldWithinTheBudget() throws Exception {
		PythonPeer.assumePyzmq();
		// pyzmq on libzmq, each flooding as fast as its sockets take messages: 96 MB of
		// requests, 180 MB of pushes and 100 MB of publications against a 128 MB heap
		try (PythonPeer requests = PythonPeer.start("flooder.py", address("echo1"), "DEALER", "16", "2",
				String.valueOf(3 * MIB));
				PythonPeer pushes = PythonPeer.start("flooder.py", address("pull"), "PUSH", "10", "20",
						String.valueOf(900 * 1024));
				PythonPeer publications = PythonPeer.start("flooder.py", address("sub"), "PUB", "2", "100",
						String.valueOf(512 * 1024))) {
			for (PythonPeer flooder : List.of(requests, pushes, publications)) {
				assertThat(flooder.waitForExit(Duration.ofSeconds(60))).as("flooder exit code").isZero();
			}
			assertServed();
		}
		assertRecovered();
	}

	@Test
	@Order(99)
	void sigtermStopsTheApplicationPromptlyAfterTheAttacks() throws Exception {
		Process process = this.target.process();
		long start = System.nanoTime();
		assertThat(process.toHandle().destroy()).isTrue();
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exited within 30 s of SIGTERM").isTrue();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
		assertThat(this.target.output()).as("no OutOfMemoryError")
			.noneMatch((line) -> line.contains("OutOfMemoryError"));
	}

	private RawZmtpPeer stalledHeader(String address, long size) throws IOException {
		RawZmtpPeer peer = RawZmtpPeer.connect(address).handshake(address.equals(address("pull")) ? "PUSH" : "DEALER");
		if (!address.equals(address("pull"))) {
			peer.frame(new byte[0], true);
		}
		peer.frameHeader(size, false);
		// and a little of the body, then nothing
		peer.raw(new byte[1024]);
		return peer;
	}

	private void assertServed() {
		String text = ZmqTestSupport.rawRequestText(address("echo1"), "still there".getBytes(StandardCharsets.UTF_8));
		assertThat(text).isEqualTo("still there");
		String json = ZmqTestSupport.rawRequestText(address("json4"), "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
		assertThat(json).isEqualTo("{\"a\":1}");
	}

	private void assertRecovered() {
		assertServed();
		await().atMost(RECOVERY).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			Status status = status();
			assertThat(status.health()).as("health").isEqualTo("UP");
			assertThat(status.heap()).as("heap after a GC").isLessThan(this.baselineHeap + 40 * MIB);
			assertThat(status.fds()).as("open file descriptors").isLessThan(this.baselineFds + 30);
		});
	}

	private Status status() throws IOException {
		int seen = this.target.output().size();
		this.target.send("STATUS");
		String line = this.target.awaitLineStartingWith("STATUS ", seen, Duration.ofSeconds(20));
		Map<String, String> values = new HashMap<>();
		for (String part : line.substring("STATUS ".length()).split(" ")) {
			String[] pair = part.split("=", 2);
			values.put(pair[0], pair[1]);
		}
		return new Status(Long.parseLong(values.get("heap")), Integer.parseInt(values.get("fds")), values.get("health"),
				Long.parseLong(values.get("dropped")));
	}

	private String address(String id) {
		String address = this.addresses.get(id);
		assertThat(address).as("bound address of " + id + " in " + this.addresses).isNotNull();
		return address;
	}

	private static byte[] json(long size) {
		byte[] body = new byte[(int) size];
		Arrays.fill(body, (byte) 'x');
		byte[] head = "{\"a\":\"".getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(head, 0, body, 0, head.length);
		body[body.length - 2] = '"';
		body[body.length - 1] = '}';
		return body;
	}

	private static void closeAll(List<RawZmtpPeer> peers) {
		for (RawZmtpPeer peer : peers) {
			try {
				peer.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
		}
	}

	private record Status(long heap, int fds, String health, long dropped) {
	}

}
