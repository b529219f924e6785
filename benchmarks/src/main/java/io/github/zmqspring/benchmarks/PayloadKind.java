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

package io.github.zmqspring.benchmarks;

import java.nio.charset.StandardCharsets;

import tools.jackson.databind.json.JsonMapper;

/**
 * The payloads every benchmark sends, and the conversions the raw JeroMQ baselines do by
 * hand (what the starter's converter does for a user): {@code byte[]} as is,
 * {@code String} to UTF-8 and back, a small record to JSON with Jackson and back.
 *
 * @author zmq-spring contributors
 */
public enum PayloadKind {

	/** A {@code byte[]} sent as is. */
	BYTES,

	/** A {@code String}, UTF-8 on the wire. */
	STRING,

	/** A {@link Quote} record, JSON on the wire. */
	JSON;

	/**
	 * Create the payload of this kind whose wire form is about {@code size} bytes.
	 * @param size the approximate encoded size
	 * @return the payload, created once per benchmark and reused for every message
	 */
	public Object create(int size) {
		char[] filler = new char[size];
		for (int i = 0; i < size; i++) {
			filler[i] = (char) ('a' + (i % 26));
		}
		String text = new String(filler);
		return switch (this) {
			case BYTES -> text.getBytes(StandardCharsets.UTF_8);
			case STRING -> text;
			// the JSON around the note is about 60 bytes
			case JSON -> new Quote("ZMQ", 42L, 123.45, text.substring(0, Math.max(1, size - 60)));
		};
	}

	/**
	 * Return the Java type a listener or a reply of this kind declares.
	 * @return the type
	 */
	public Class<?> javaType() {
		return switch (this) {
			case BYTES -> byte[].class;
			case STRING -> String.class;
			case JSON -> Quote.class;
		};
	}

	/**
	 * Convert a payload to its wire bytes by hand, as a raw JeroMQ program would.
	 * @param payload the payload of this kind
	 * @param jsonMapper the mapper for JSON
	 * @return the bytes to send
	 */
	public byte[] encode(Object payload, JsonMapper jsonMapper) {
		return switch (this) {
			case BYTES -> (byte[]) payload;
			case STRING -> ((String) payload).getBytes(StandardCharsets.UTF_8);
			case JSON -> jsonMapper.writeValueAsBytes(payload);
		};
	}

	/**
	 * Convert received wire bytes back to a payload of this kind by hand.
	 * @param bytes the received bytes
	 * @param jsonMapper the mapper for JSON
	 * @return the payload
	 */
	public Object decode(byte[] bytes, JsonMapper jsonMapper) {
		return switch (this) {
			case BYTES -> bytes;
			case STRING -> new String(bytes, StandardCharsets.UTF_8);
			case JSON -> jsonMapper.readValue(bytes, Quote.class);
		};
	}

	/**
	 * The JSON payload: a small record as an application would send.
	 *
	 * @param symbol a short text
	 * @param sequence a number
	 * @param price a decimal number
	 * @param note the text that brings the message to its size
	 */
	public record Quote(String symbol, long sequence, double price, String note) {

	}

}
