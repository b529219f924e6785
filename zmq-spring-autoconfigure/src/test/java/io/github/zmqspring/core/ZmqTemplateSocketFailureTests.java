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

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import tools.jackson.databind.json.JsonMapper;

import io.github.zmqspring.convert.DefaultZmqMessageConverter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * A template socket that cannot be opened reports the failure to the caller, and the next
 * call tries again.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ZmqTemplateSocketFailureTests {

	private final ZContext context = new ZContext();

	private final ZmqTemplate template = new ZmqTemplate(new ZmqSocketFactory(this.context),
			new ZmqEndpointResolver(Map.of()), new DefaultZmqMessageConverter(new JsonMapper()));

	@AfterEach
	void close() {
		this.template.destroy();
		this.context.close();
	}

	@Test
	void publishToAnAddressInUseThrowsAndRecoversOnceTheAddressIsFree() {
		ZMQ.Socket squatter = this.context.createSocket(SocketType.PUB);
		squatter.bind("tcp://127.0.0.1:*");
		String address = squatter.getLastEndpoint();
		assertThatExceptionOfType(ZmqBindException.class).isThrownBy(() -> this.template.publish(address, "x"))
			.satisfies((ex) -> assertThat(ex.isAddressInUse()).isTrue())
			.withMessageContaining(address.substring("tcp://".length()));
		squatter.close();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> this.template.publish(address, "x"));
	}

	@Test
	void requestOnAnAddressInUseFailsAtOnce() {
		ZMQ.Socket squatter = this.context.createSocket(SocketType.REP);
		squatter.bind("inproc://taken");
		assertThatExceptionOfType(ZmqBindException.class)
			.isThrownBy(() -> this.template.request("@inproc://taken", "x", String.class, Duration.ofSeconds(5)));
		squatter.close();
	}

}
