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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.github.zmqspring.annotation.ZmqReplier;
import io.github.zmqspring.autoconfigure.ZmqAutoConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Timeout;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pyzmq (libzmq) REQ client talking to {@code @ZmqReplier} methods.
 *
 * @author zmq-spring contributors
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ReplierInteropTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ZmqAutoConfiguration.class, JacksonAutoConfiguration.class))
		.withBean(Handlers.class)
		.withPropertyValues("zmq.endpoints.hello.addresses=@tcp://127.0.0.1:*",
				"zmq.endpoints.orders.addresses=@tcp://127.0.0.1:*");

	@BeforeAll
	static void pyzmq() {
		PythonPeer.assumePyzmq();
	}

	@Test
	void pyzmqReqClientGetsStringReply() {
		this.contextRunner.run((context) -> {
			try (PythonPeer client = PythonPeer.start("req_client.py", PythonPeer.boundAddress(context, "hello"),
					"5000", "s:world", "s:wörld")) {
				assertThat(client.nextJson().get("reply").asString()).isEqualTo("Hello world");
				assertThat(client.nextJson().get("hex").asString()).isEqualTo(hex("Hello wörld"));
				assertThat(client.waitForExit(Duration.ofSeconds(5))).isZero();
			}
		});
	}

	@Test
	void pyzmqSendJsonToRecordReplierReadsReplyWithRecvJson() {
		this.contextRunner.run((context) -> {
			try (PythonPeer client = PythonPeer.start("req_client.py", PythonPeer.boundAddress(context, "orders"),
					"5000", "j:{\"item\": \"apple\", \"quantity\": 3}")) {
				JsonNode reply = client.nextJson().get("json");
				assertThat(reply.get("item").asString()).isEqualTo("APPLE");
				assertThat(reply.get("quantity").asInt()).isEqualTo(3);
				assertThat(reply.get("accepted").asBoolean()).isTrue();
				assertThat(reply.size()).isEqualTo(3);
				assertThat(client.waitForExit(Duration.ofSeconds(5))).isZero();
			}
		});
	}

	@Test
	void handlerExceptionGivesExactErrorReplyAndSameReqSocketCarriesOn() {
		this.contextRunner.run((context) -> {
			try (PythonPeer client = PythonPeer.start("req_client.py", PythonPeer.boundAddress(context, "hello"),
					"5000", "s:boom", "s:again")) {
				JsonNode error = client.nextJson();
				assertThat(error.get("hex").asString()).isEqualTo(hex("ZMQ-SPRING-ERROR 500 Internal Server Error"));
				assertThat(client.nextJson().get("reply").asString()).isEqualTo("Hello again");
				assertThat(client.waitForExit(Duration.ofSeconds(5))).isZero();
			}
		});
	}

	@Test
	void invalidJsonToRecordReplierGivesBadRequestAndNextRequestWorks() {
		this.contextRunner.run((context) -> {
			try (PythonPeer client = PythonPeer.start("req_client.py", PythonPeer.boundAddress(context, "orders"),
					"5000", "s:{not json", "j:{\"item\": \"pear\", \"quantity\": 1}")) {
				JsonNode error = client.nextJson();
				assertThat(error.get("hex").asString()).isEqualTo(hex("ZMQ-SPRING-ERROR 400 Bad Request"));
				assertThat(client.nextJson().get("json").get("item").asString()).isEqualTo("PEAR");
				assertThat(client.waitForExit(Duration.ofSeconds(5))).isZero();
			}
		});
	}

	private static String hex(String text) {
		return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
	}

	record Order(String item, int quantity) {
	}

	record Confirmation(String item, int quantity, boolean accepted) {
	}

	static class Handlers {

		@ZmqReplier(value = "hello", id = "hello")
		String hello(String name) {
			if ("boom".equals(name)) {
				throw new IllegalStateException("boom requested");
			}
			return "Hello " + name;
		}

		@ZmqReplier(value = "orders", id = "orders")
		Confirmation order(Order order) {
			return new Confirmation(order.item().toUpperCase(Locale.ROOT), order.quantity(), true);
		}

	}

}
