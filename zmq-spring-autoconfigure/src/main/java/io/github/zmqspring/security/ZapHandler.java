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

package io.github.zmqspring.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

import io.github.zmqspring.support.ControlledSocketThread;

/**
 * The thread that answers ZAP requests (RFC 27): a REP socket bound at
 * {@value ZmqAuthenticator#ZAP_ENDPOINT}, where JeroMQ's sessions ask, for each handshake
 * of a socket with a ZAP domain, whether the peer may in. It sleeps in a poll until a
 * request or its stop command arrives; each answer is a lookup in the domain's
 * {@link ZmqSecurity}, so no handshake waits long for it.
 *
 * @author zmq-spring contributors
 */
final class ZapHandler extends ControlledSocketThread {

	private static final Log logger = LogFactory.getLog(ZapHandler.class);

	private static final byte[] VERSION = "1.0".getBytes(StandardCharsets.US_ASCII);

	/** A ZAP request has seven frames plus its credentials: more is no ZAP request. */
	private static final int MAX_FRAMES = 16;

	private final ZmqAuthenticator authenticator;

	ZapHandler(ZContext context, ZmqAuthenticator authenticator) {
		super(ZmqAuthenticator.THREAD_NAME, context,
				"inproc://zmq-spring-zap-control-" + System.identityHashCode(authenticator));
		this.authenticator = authenticator;
	}

	@Override
	public void run() {
		ZMQ.Socket control = null;
		ZMQ.Socket zap = null;
		try {
			control = openControlSocket();
			zap = getContext().createSocket(SocketType.REP);
			zap.setLinger(0);
			zap.bind(ZmqAuthenticator.ZAP_ENDPOINT);
		}
		catch (ZMQException ex) {
			close(zap, control);
			failedToStart(new IllegalStateException("Could not start the ZeroMQ ZAP handler: "
					+ ZmqAuthenticator.ZAP_ENDPOINT + " cannot be bound in the shared context (" + ex.getMessage()
					+ "). Another ZAP handler, such as a JeroMQ ZAuth, may already run there: remove it, since "
					+ "zmq-spring installs its own for endpoints that set zmq.endpoints.<name>.security.", ex));
			return;
		}
		ready();
		ZMQ.Poller poller = getContext().createPoller(2);
		try {
			poller.register(control, ZMQ.Poller.POLLIN);
			poller.register(zap, ZMQ.Poller.POLLIN);
			while (poller.poll(-1) >= 0) {
				if (poller.pollin(0)) {
					byte[] command = control.recv(ZMQ.DONTWAIT);
					if (command == null || isTerminate(command)) {
						break;
					}
				}
				if (poller.pollin(1)) {
					answerPending(zap);
				}
			}
		}
		catch (ZMQException ex) {
			// the context closing under the handler ends it too
			logger.debug("ZAP handler ended", ex);
		}
		finally {
			poller.close();
			close(zap, control);
			terminated();
		}
	}

	private void answerPending(ZMQ.Socket zap) {
		List<byte[]> request;
		while ((request = receive(zap)) != null) {
			Answer answer = decide(request);
			byte[] requestId = (request.size() > 1) ? request.get(1) : new byte[0];
			zap.sendMore(VERSION);
			zap.sendMore(requestId);
			zap.sendMore(answer.status());
			zap.sendMore(answer.text());
			zap.sendMore(answer.userId());
			zap.send(new byte[0], 0);
		}
	}

	private Answer decide(List<byte[]> request) {
		// version, request id, domain, address, routing id, mechanism, credentials...
		if (request.size() < 6 || request.size() > MAX_FRAMES
				|| !new String(request.get(0), StandardCharsets.US_ASCII).equals("1.0")) {
			return Answer.ERROR;
		}
		String domain = utf8(request.get(2));
		String address = utf8(request.get(3));
		String mechanism = utf8(request.get(5));
		List<byte[]> credentials = request.subList(6, request.size());
		try {
			return this.authenticator.decide(domain, address, mechanism, credentials)
					? Answer.allowed(userId(mechanism, credentials)) : Answer.REFUSED;
		}
		catch (RuntimeException ex) {
			logger.warn("ZAP handler failed to decide a handshake; refusing it", ex);
			return Answer.ERROR;
		}
	}

	/**
	 * The user id JeroMQ attaches to the connection's messages: the client's public key
	 * or user name, as CZMQ's and pyzmq's authenticators set it.
	 */
	private static byte[] userId(String mechanism, List<byte[]> credentials) {
		if (mechanism.equals("CURVE") && credentials.size() == 1) {
			return CurveKeys.encode(credentials.get(0)).getBytes(StandardCharsets.US_ASCII);
		}
		if (mechanism.equals("PLAIN") && !credentials.isEmpty()) {
			return credentials.get(0);
		}
		return new byte[0];
	}

	private static @Nullable List<byte[]> receive(ZMQ.Socket zap) {
		byte[] first = zap.recv(ZMQ.DONTWAIT);
		if (first == null) {
			return null;
		}
		List<byte[]> frames = new ArrayList<>(8);
		frames.add(first);
		while (zap.hasReceiveMore()) {
			byte[] frame = zap.recv(0);
			// read to the end of the message whatever its size, keep no more than a
			// request can have
			if (frames.size() <= MAX_FRAMES) {
				frames.add(frame);
			}
		}
		return frames;
	}

	private static String utf8(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

	private static void close(ZMQ.@Nullable Socket... sockets) {
		for (ZMQ.Socket socket : sockets) {
			if (socket != null) {
				socket.close();
			}
		}
	}

	private record Answer(byte[] status, byte[] text, byte[] userId) {

		static final Answer REFUSED = new Answer(ascii("400"), ascii("No access"), new byte[0]);

		static final Answer ERROR = new Answer(ascii("500"), ascii("Internal error"), new byte[0]);

		static Answer allowed(byte[] userId) {
			return new Answer(ascii("200"), ascii("OK"), userId);
		}

		private static byte[] ascii(String text) {
			return text.getBytes(StandardCharsets.US_ASCII);
		}

	}

}
