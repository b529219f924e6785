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

package io.github.zmqspring.core;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Unit tests of {@link ZmqErrorReply}, {@link ZmqAddress} and
 * {@link ZmqEndpointResolver}.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ZmqAddressingAndErrorReplyTests {

	@Test
	void errorReplyBytes() {
		assertThat(text(ZmqErrorReply.BAD_REQUEST.toFrame())).isEqualTo("ZMQ-SPRING-ERROR 400 Bad Request");
		assertThat(text(ZmqErrorReply.HANDLER_ERROR.toFrame())).isEqualTo("ZMQ-SPRING-ERROR 500 Internal Server Error");
		assertThat(text(ZmqErrorReply.HANDLER_ERROR.withDetail("boom\nline").toFrame()))
			.isEqualTo("ZMQ-SPRING-ERROR 500 Internal Server Error: boom line");
	}

	@Test
	void errorReplyParse() {
		assertThat(ZmqErrorReply.parse(ZmqErrorReply.BAD_REQUEST.toFrame())).isEqualTo(ZmqErrorReply.BAD_REQUEST);
		assertThat(ZmqErrorReply.parse(utf8("ZMQ-SPRING-ERROR 500 Internal Server Error: it: failed")))
			.isEqualTo(new ZmqErrorReply(500, "Internal Server Error", "it: failed"));
		assertThat(ZmqErrorReply.parse(utf8("hello"))).isNull();
		assertThat(ZmqErrorReply.parse(utf8("ZMQ-SPRING-ERROR"))).isNull();
		assertThat(ZmqErrorReply.parse(utf8("ZMQ-SPRING-ERROR abc Bad"))).isNull();
		assertThat(ZmqErrorReply.parse(new byte[0])).isNull();
	}

	@Test
	void addressPrefixesAndDefaults() {
		assertThat(ZmqAddress.parse("@tcp://*:5555", false)).isEqualTo(new ZmqAddress("tcp://*:5555", true));
		assertThat(ZmqAddress.parse(">tcp://host:5555", true)).isEqualTo(new ZmqAddress("tcp://host:5555", false));
		assertThat(ZmqAddress.parse("tcp://*:5555", true).bind()).isTrue();
		assertThat(ZmqAddress.parse("tcp://host:5555", false).bind()).isFalse();
		assertThat(ZmqAddress.parse(" @inproc://orders ", false)).isEqualTo(new ZmqAddress("inproc://orders", true));
		assertThat(ZmqAddress.parse(">tcp://host:5555", true)).hasToString(">tcp://host:5555");
		assertThat(ZmqAddress.parse("TCP://host:1", false).transport()).isEqualTo("tcp");
	}

	@Test
	void invalidAddresses() {
		assertInvalid("@tcp://*:70000", "out of range");
		assertInvalid("@tcp://*:abc", "not a number");
		assertInvalid(">tcp://host", "host and a port");
		assertInvalid("localhost:5555", "needs a transport");
		assertInvalid(">tcp://*:5555", "wildcards only bind");
		assertInvalid(">tcp://host:*", "wildcards only bind");
		assertInvalid("@pgm://eth0;239.192.1.1:5555", "not supported by JeroMQ");
		assertInvalid("@epgm://eth0;239.192.1.1:5555", "not supported by JeroMQ");
		assertInvalid("@udp://*:5555", "'udp' is not supported");
		assertInvalid("@inproc://", "needs a name");
	}

	@Test
	void resolverUsesNamesAndSocketTypeDefaults() {
		ZmqEndpointResolver resolver = new ZmqEndpointResolver(Map.of("greeter",
				new ZmqEndpointDefinition(List.of("tcp://*:5555", ">tcp://other:5556"), ZmqSocketOptions.NONE)));
		ZmqEndpoint endpoint = resolver.resolve("greeter", SocketType.REP);
		assertThat(endpoint.name()).isEqualTo("greeter");
		assertThat(endpoint.addresses()).containsExactly(new ZmqAddress("tcp://*:5555", true),
				new ZmqAddress("tcp://other:5556", false));
		assertThat(resolver.isConfigured("greeter")).isTrue();
		assertThat(ZmqEndpointResolver.bindsByDefault(SocketType.PUB)).isTrue();
		assertThat(ZmqEndpointResolver.bindsByDefault(SocketType.PUSH)).isFalse();
	}

	@Test
	void resolverParsesInlineCommaSeparatedAddresses() {
		ZmqEndpointResolver resolver = new ZmqEndpointResolver(Map.of());
		ZmqEndpoint endpoint = resolver.resolve(">tcp://a:1, tcp://b:2,@inproc://c", SocketType.DEALER);
		assertThat(endpoint.addresses()).containsExactly(new ZmqAddress("tcp://a:1", false),
				new ZmqAddress("tcp://b:2", false), new ZmqAddress("inproc://c", true));
		assertThat(endpoint.describeAddresses()).isEqualTo(">tcp://a:1,>tcp://b:2,@inproc://c");
	}

	@Test
	void unknownNameListsConfiguredNames() {
		ZmqEndpointResolver resolver = new ZmqEndpointResolver(
				Map.of("greeter", new ZmqEndpointDefinition(List.of("@tcp://*:5555"), ZmqSocketOptions.NONE)));
		assertThatExceptionOfType(ZmqInvalidEndpointException.class)
			.isThrownBy(() -> resolver.resolve("greter", SocketType.REQ))
			.withMessageContaining("no endpoint named 'greter'")
			.withMessageContaining("did you mean 'greeter'?")
			.satisfies((ex) -> assertThat(ex.getAction()).contains("zmq.endpoints.greter.addresses")
				.contains("Configured endpoints: greeter"));
	}

	@Test
	void unknownNameSuggestsOnlyANameThatIsClose() {
		ZmqEndpointResolver resolver = new ZmqEndpointResolver(
				Map.of("orders", new ZmqEndpointDefinition(List.of("@tcp://*:5555"), ZmqSocketOptions.NONE), "prices",
						new ZmqEndpointDefinition(List.of("@tcp://*:5556"), ZmqSocketOptions.NONE)));
		assertThatExceptionOfType(ZmqInvalidEndpointException.class)
			.isThrownBy(() -> resolver.resolve("order", SocketType.PUSH))
			.withMessageContaining("did you mean 'orders'?");
		assertThatExceptionOfType(ZmqInvalidEndpointException.class)
			.isThrownBy(() -> resolver.resolve("invoices", SocketType.PUSH))
			.withMessageNotContaining("did you mean");
	}

	@Test
	void invalidInlineAddressNamesTheEndpoint() {
		ZmqEndpointResolver resolver = new ZmqEndpointResolver(Map.of());
		assertThatExceptionOfType(ZmqInvalidEndpointException.class)
			.isThrownBy(() -> resolver.resolve(">tcp://a:1,>tcp://b:99999", SocketType.DEALER))
			.withMessageContaining("address '>tcp://b:99999'")
			.withMessageContaining("out of range");
	}

	private static void assertInvalid(String spec, String reason) {
		assertThatExceptionOfType(ZmqInvalidEndpointException.class).as(spec)
			.isThrownBy(() -> ZmqAddress.parse(spec, true))
			.satisfies((ex) -> assertThat(ex.getReason()).contains(reason));
	}

	private static String text(byte[] frame) {
		return new String(frame, StandardCharsets.UTF_8);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
