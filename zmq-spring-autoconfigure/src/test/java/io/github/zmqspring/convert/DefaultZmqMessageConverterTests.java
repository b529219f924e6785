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

package io.github.zmqspring.convert;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.ZMsg;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Unit tests of {@link DefaultZmqMessageConverter}.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DefaultZmqMessageConverterTests {

	private final DefaultZmqMessageConverter converter = new DefaultZmqMessageConverter(JsonMapper.builder().build());

	@Test
	void bytesRoundTripUnchanged() {
		byte[] bytes = { 0, 1, (byte) 0xff };
		ZmqFrames frames = this.converter.toFrames(bytes);
		assertThat(frames.size()).isEqualTo(1);
		assertThat(frames.frame(0)).containsExactly(0, 1, 0xff);
		assertThat((byte[]) this.converter.fromFrames(frames, byte[].class)).containsExactly(0, 1, 0xff);
	}

	@Test
	void stringRoundTripsAsUtf8() {
		String text = "gr\u00fc\u00dfe \u6771\u4eac \uD83C\uDF89";
		ZmqFrames frames = this.converter.toFrames(text);
		assertThat(frames.frame(0)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
		assertThat(this.converter.fromFrames(frames, String.class)).isEqualTo(text);
	}

	@Test
	void invalidUtf8IsRejected() {
		ZmqFrames frames = ZmqFrames.of(new byte[] { 'a', (byte) 0xc3, 0x28 });
		assertThatExceptionOfType(ZmqConversionException.class)
			.isThrownBy(() -> this.converter.fromFrames(frames, String.class))
			.withMessageContaining("UTF-8");
	}

	@Test
	void recordRoundTripsAsJson() {
		ZmqFrames frames = this.converter.toFrames(new Item("pen", 2));
		assertThat(new String(frames.frame(0), StandardCharsets.UTF_8)).isEqualTo("{\"name\":\"pen\",\"count\":2}");
		assertThat(this.converter.fromFrames(frames, Item.class)).isEqualTo(new Item("pen", 2));
	}

	@Test
	void genericListIsReadWithItsElementType() {
		Type listOfItems = ResolvableType.forClassWithGenerics(List.class, Item.class).getType();
		ZmqFrames frames = this.converter.toFrames(List.of(new Item("a", 1), new Item("b", 2)));
		assertThat(this.converter.fromFrames(frames, listOfItems))
			.isEqualTo(List.of(new Item("a", 1), new Item("b", 2)));
	}

	@Test
	void zmsgRoundTripsAllFrames() {
		ZMsg msg = new ZMsg();
		msg.add("one");
		msg.add(new byte[0]);
		msg.add("three");
		ZmqFrames frames = this.converter.toFrames(msg);
		assertThat(frames.size()).isEqualTo(3);
		assertThat(msg.size()).as("source message left unchanged").isEqualTo(3);
		ZMsg back = (ZMsg) this.converter.fromFrames(frames, ZMsg.class);
		assertThat(back.popString()).isEqualTo("one");
		assertThat(back.pop().getData()).isEmpty();
		assertThat(back.popString()).isEqualTo("three");
	}

	@Test
	void nullIsOneEmptyFrame() {
		ZmqFrames frames = this.converter.toFrames(null);
		assertThat(frames.size()).isEqualTo(1);
		assertThat(frames.frame(0)).isEmpty();
	}

	@Test
	void singleFrameTypesRejectMultipartWithAHint() {
		ZmqFrames two = ZmqFrames.of(new byte[] { 'a' }, new byte[] { 'b' });
		for (Class<?> type : List.of(byte[].class, String.class, Item.class)) {
			assertThatExceptionOfType(ZmqConversionException.class)
				.isThrownBy(() -> this.converter.fromFrames(two, type))
				.withMessageContaining("Expected one frame")
				.withMessageContaining("got 2")
				.withMessageContaining("ZMsg");
		}
	}

	@Test
	void malformedJsonIsAConversionException() {
		assertThatExceptionOfType(ZmqConversionException.class).isThrownBy(() -> this.converter
			.fromFrames(ZmqFrames.of("{\"name\":".getBytes(StandardCharsets.UTF_8)), Item.class));
	}

	record Item(String name, int count) {
	}

}
