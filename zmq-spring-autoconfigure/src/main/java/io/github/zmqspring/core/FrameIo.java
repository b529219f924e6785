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

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.zeromq.ZMQ;

import io.github.zmqspring.convert.ZmqFrames;

/**
 * Multipart frame I/O shared by every template socket: writing a message, writing a
 * request envelope {@code [correlation id][empty][payload...]}, reading a whole message.
 * Callers hold the socket exclusively while they use these methods.
 */
final class FrameIo {

	private static final byte[] EMPTY = new byte[0];

	/** Length of a correlation id frame. */
	static final int CORRELATION_ID_LENGTH = 4;

	private FrameIo() {
	}

	/**
	 * Write a message without blocking.
	 * @param socket the socket
	 * @param frames the message
	 * @return {@code false} if the socket took nothing (no peer, or its queue is full)
	 */
	static boolean trySend(ZMQ.Socket socket, ZmqFrames frames) {
		int last = frames.size() - 1;
		if (!socket.send(frames.frame(0), ZMQ.DONTWAIT | ((last > 0) ? ZMQ.SNDMORE : 0))) {
			return false;
		}
		sendRest(socket, frames, 1);
		return true;
	}

	/**
	 * Write a request envelope without blocking.
	 * @param socket a DEALER socket
	 * @param correlationId the request's id
	 * @param frames the request payload
	 * @return {@code false} if the socket took nothing
	 */
	static boolean trySendRequest(ZMQ.Socket socket, int correlationId, ZmqFrames frames) {
		if (!socket.send(correlationFrame(correlationId), ZMQ.SNDMORE | ZMQ.DONTWAIT)) {
			return false;
		}
		socket.send(EMPTY, ZMQ.SNDMORE | ZMQ.DONTWAIT);
		sendRest(socket, frames, 0);
		return true;
	}

	/**
	 * Write a message, waiting at most the given time for the socket to take it.
	 * @param socket the socket
	 * @param frames the message
	 * @param timeoutMillis how long to wait, positive
	 * @return {@code false} if the socket took nothing in time
	 */
	static boolean sendBlocking(ZMQ.Socket socket, ZmqFrames frames, long timeoutMillis) {
		int configured = socket.getSendTimeOut();
		socket.setSendTimeOut((int) Math.min(Integer.MAX_VALUE, timeoutMillis));
		try {
			if (!socket.send(frames.frame(0), (frames.size() > 1) ? ZMQ.SNDMORE : 0)) {
				return false;
			}
		}
		finally {
			socket.setSendTimeOut(configured);
		}
		sendRest(socket, frames, 1);
		return true;
	}

	/**
	 * Return a request envelope {@code [correlation id][empty][payload...]} as frames.
	 * @param correlationId the id
	 * @param frames the payload
	 * @return the envelope
	 */
	static ZmqFrames requestEnvelope(int correlationId, ZmqFrames frames) {
		return frames.prepend(EMPTY).prepend(correlationFrame(correlationId));
	}

	private static void sendRest(ZMQ.Socket socket, ZmqFrames frames, int from) {
		// once the first frame is accepted the rest of the message is too (multipart is
		// atomic)
		int last = frames.size() - 1;
		for (int i = from; i <= last; i++) {
			socket.send(frames.frame(i), ZMQ.DONTWAIT | ((i < last) ? ZMQ.SNDMORE : 0));
		}
	}

	/**
	 * Read one whole message.
	 * @param socket the socket
	 * @param flags {@link ZMQ#DONTWAIT} or 0 (wait up to the socket's receive timeout)
	 * @return the frames, or {@code null} if none arrived
	 */
	static @Nullable List<byte[]> receive(ZMQ.Socket socket, int flags) {
		byte[] first = socket.recv(flags);
		if (first == null) {
			return null;
		}
		List<byte[]> frames = new ArrayList<>(3);
		frames.add(first);
		while (socket.hasReceiveMore()) {
			// the rest of a multipart message has arrived with its first frame
			frames.add(socket.recv(0));
		}
		return frames;
	}

	/**
	 * Whether a message is a reply envelope {@code [id][empty][payload...]}.
	 * @param frames a message read from a request socket
	 * @return whether it has a 4-byte id frame, an empty frame and a payload
	 */
	static boolean isReplyEnvelope(List<byte[]> frames) {
		return frames.size() >= 3 && frames.get(0).length == CORRELATION_ID_LENGTH && frames.get(1).length == 0;
	}

	/**
	 * Return the correlation id of a reply envelope, unboxed.
	 * @param frames a message {@link #isReplyEnvelope} accepted
	 * @return the id
	 */
	static int idOf(List<byte[]> frames) {
		byte[] id = frames.get(0);
		return ((id[0] & 0xff) << 24) | ((id[1] & 0xff) << 16) | ((id[2] & 0xff) << 8) | (id[3] & 0xff);
	}

	/**
	 * Return the payload of a reply envelope.
	 * @param frames a reply whose {@link #correlationId} is not {@code null}
	 * @return the frames after the envelope
	 */
	static ZmqFrames payload(List<byte[]> frames) {
		return ZmqFrames.of(frames.subList(2, frames.size()));
	}

	private static byte[] correlationFrame(int id) {
		return new byte[] { (byte) (id >>> 24), (byte) (id >>> 16), (byte) (id >>> 8), (byte) id };
	}

	/**
	 * Whether a topic starts with a subscription prefix (both compared as bytes).
	 * @param topic the topic frame
	 * @param prefix the prefix, bytes as ISO-8859-1 characters
	 * @return whether the prefix matches
	 */
	static boolean startsWith(byte[] topic, String prefix) {
		int length = prefix.length();
		if (topic.length < length) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			if (topic[i] != (byte) prefix.charAt(i)) {
				return false;
			}
		}
		return true;
	}

}
