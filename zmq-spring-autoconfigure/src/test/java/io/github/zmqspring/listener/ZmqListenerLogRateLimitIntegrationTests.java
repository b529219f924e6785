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

package io.github.zmqspring.listener;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.annotation.ZmqReplier;
import io.github.zmqspring.config.ZmqListenerEndpointRegistry;
import io.github.zmqspring.listener.ZmqListenerCounters.Rejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A peer that makes a listener fail or reject at its own pace gets every request answered
 * and counted, but writes at most one WARN line per interval and kind, with no stack
 * trace and no line it can forge.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@ExtendWith(OutputCaptureExtension.class)
class ZmqListenerLogRateLimitIntegrationTests {

	private static final int REQUESTS = 200;

	private static final String FAILURE_LINE = "Listener 'thrower' failed to handle a request";

	@Test
	void failingHandlerAnswersEveryRequestAndLogsOneEscapedLineWithoutStackTrace(CapturedOutput output) {
		ZmqTestSupport.runner().withUserConfiguration(Repliers.class).run((context) -> {
			String address = ZmqTestSupport.boundAddress(context, "thrower");
			long started = System.nanoTime();
			List<String> replies = requests(address, "hello".getBytes(StandardCharsets.UTF_8), REQUESTS);
			long elapsedSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
			assertThat(replies).hasSize(REQUESTS).containsOnly("ZMQ-SPRING-ERROR 500 Internal Server Error");
			ZmqListenerCounters counters = counters(context, "thrower");
			assertThat(counters.failed()).as("every failure counted").isEqualTo(REQUESTS);
			assertThat(counters.received()).isEqualTo(REQUESTS);
			List<String> lines = lines(output);
			List<String> failures = lines.stream().filter((line) -> line.contains(FAILURE_LINE)).toList();
			// one line per 10 s: exactly one unless the machine took that long
			assertThat(failures).hasSizeBetween(1, 1 + (int) (elapsedSeconds / 10));
			assertThat(failures.get(0)).contains(" WARN ",
					"(java.lang.IllegalStateException: cannot handle\\r\\nFORGED log line)",
					"replied 500 Internal Server Error");
			assertThat(lines).noneMatch((line) -> line.startsWith("FORGED"));
			assertThat(lines).as("no stack trace at INFO")
				.noneMatch((line) -> line.startsWith("\tat ") || line.startsWith("Caused by:"))
				.noneMatch((line) -> line.contains("Stack trace of the failure above"));
		});
	}

	@Test
	void garbageIsCountedEveryTimeAndLoggedOncePerInterval(CapturedOutput output) {
		ZmqTestSupport.runner().withUserConfiguration(Repliers.class).run((context) -> {
			String address = ZmqTestSupport.boundAddress(context, "strict");
			long started = System.nanoTime();
			List<String> replies = requests(address, new byte[] { 'x', (byte) 0xFF }, REQUESTS);
			long elapsedSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
			assertThat(replies).hasSize(REQUESTS).containsOnly("ZMQ-SPRING-ERROR 400 Bad Request");
			assertThat(counters(context, "strict").rejected(Rejection.CONVERSION)).isEqualTo(REQUESTS);
			assertThat(lines(output).stream().filter((line) -> line.contains("Listener 'strict' rejected a message")))
				.hasSizeBetween(1, 1 + (int) (elapsedSeconds / 10));
		});
	}

	/**
	 * Send requests one after the other on one DEALER speaking the REQ wire format, and
	 * collect the replies (each within 5 s).
	 */
	private static List<String> requests(String address, byte[] payload, int count) {
		try (ZContext clients = new ZContext(); ZMQ.Socket socket = clients.createSocket(SocketType.DEALER)) {
			socket.setLinger(0);
			// JeroMQ 0.6.0 sometimes stalls a fresh tcp handshake: retry it soon
			socket.setHandshakeIvl(500);
			socket.setSendTimeOut(5000);
			socket.setReceiveTimeOut(5000);
			socket.connect(address);
			String[] replies = new String[count];
			for (int i = 0; i < count; i++) {
				assertThat(socket.sendMore(new byte[0])).isTrue();
				assertThat(socket.send(payload, 0)).isTrue();
				ZMsg reply = ZMsg.recvMsg(socket);
				assertThat(reply).as("reply " + i + " within 5 s").isNotNull();
				assertThat(reply.pop().getData()).as("empty delimiter frame").isEmpty();
				replies[i] = new String(reply.pop().getData(), StandardCharsets.UTF_8);
			}
			return List.of(replies);
		}
	}

	private static ZmqListenerCounters counters(ApplicationContext context, String id) {
		return context.getBean(ZmqListenerEndpointRegistry.class).getListenerContainer(id).getCounters();
	}

	private static List<String> lines(CapturedOutput output) {
		return Arrays.asList(output.getAll().split("\\R"));
	}

	static class Repliers {

		@ZmqReplier(value = "@tcp://127.0.0.1:*", id = "thrower")
		String thrower(String request) {
			throw new IllegalStateException("cannot handle\r\nFORGED log line");
		}

		@ZmqReplier(value = "@tcp://127.0.0.1:*", id = "strict")
		String strict(String request) {
			return request;
		}

	}

}
