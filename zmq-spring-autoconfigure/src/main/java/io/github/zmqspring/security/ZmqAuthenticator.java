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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.zeromq.ZContext;

import io.github.zmqspring.support.LogRateLimiter;
import io.github.zmqspring.support.LogSanitizer;

/**
 * The starter's ZAP handler (RFC 27) for one context: decides, for each handshake of a
 * secured socket, whether the peer may connect, from the {@link ZmqSecurity} the socket
 * was {@linkplain #register registered} with under its own ZAP domain.
 * <p>
 * JeroMQ lets a CURVE or PLAIN server accept every peer when no handler is bound at
 * {@value #ZAP_ENDPOINT}; so the handler's thread ({@value #THREAD_NAME}) is started, and
 * bound, before {@link #register} returns, that is before the first secured socket binds
 * or connects. It stops with {@link #close()}, before the context closes.
 * <p>
 * Every decision is reported to the socket's {@link ZapListener}; a refused peer is also
 * counted and logged as a warning at most once per socket and peer address per minute,
 * with the client's public key (never a secret key or password) and the property that
 * would let it in. Handshakes of a socket this handler does not know (a socket the
 * application configured itself as CURVE or PLAIN server in the shared context) are
 * refused.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqAuthenticator implements AutoCloseable {

	/** Where ZeroMQ sessions send their ZAP requests. */
	public static final String ZAP_ENDPOINT = "inproc://zeromq.zap.01";

	/** The name of the thread that answers ZAP requests. */
	public static final String THREAD_NAME = "zmq-zap-handler";

	/** The most domains kept; each is one secured endpoint of one owner. */
	static final int MAX_DOMAINS = 10_000;

	private static final Duration START_TIMEOUT = Duration.ofSeconds(5);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

	private static final Log logger = LogFactory.getLog(ZmqAuthenticator.class);

	private final ZContext context;

	private final Map<String, Domain> domains = new ConcurrentHashMap<>();

	private final LongAdder refused = new LongAdder();

	private final LogRateLimiter refusalLog = new LogRateLimiter(Duration.ofMinutes(1));

	private @Nullable ZapHandler handler;

	private boolean closed;

	/**
	 * Create an authenticator for a context; its thread starts with the first
	 * {@link #register}.
	 * @param context the context whose sockets it authenticates
	 */
	public ZmqAuthenticator(ZContext context) {
		this.context = context;
	}

	/**
	 * Register the security of a socket about to be opened, making sure the handler runs.
	 * @param domain the socket's ZAP domain: one per endpoint and owner
	 * @param security the socket's security, which {@linkplain ZmqSecurity#needsZap()
	 * needs ZAP}
	 * @param description how log lines name the socket
	 * @param settings the property prefix of the endpoint's security settings, for log
	 * lines
	 * @param listener told about each decision, on the handler's thread
	 * @throws IllegalStateException if the handler cannot start, or this authenticator is
	 * closed
	 */
	public void register(String domain, ZmqSecurity security, String description, String settings,
			ZapListener listener) {
		ensureRunning();
		if (this.domains.size() >= MAX_DOMAINS && !this.domains.containsKey(domain)) {
			throw new IllegalStateException("More than " + MAX_DOMAINS + " secured ZeroMQ sockets");
		}
		// the latest socket's listener replaces an earlier one's: same endpoint, same
		// owner, and an earlier socket of a template may be closed by now
		this.domains.put(domain, new Domain(security, description, settings, listener));
	}

	private synchronized void ensureRunning() {
		if (this.closed) {
			throw new IllegalStateException("The ZeroMQ authenticator is closed");
		}
		ZapHandler current = this.handler;
		if (current != null && !current.isTerminated()) {
			return;
		}
		ZapHandler started = new ZapHandler(this.context, this);
		started.start(START_TIMEOUT);
		this.handler = started;
	}

	/**
	 * Return how many handshakes were refused since the start.
	 * @return the count
	 */
	public long refusedHandshakes() {
		return this.refused.sum();
	}

	/**
	 * Return whether the handler's thread runs.
	 * @return {@code true} between the first registration and the close
	 */
	public synchronized boolean isRunning() {
		return this.handler != null && !this.handler.isTerminated();
	}

	/**
	 * Decide one handshake; called on the handler's thread.
	 * @return {@code true} to let the peer in
	 */
	boolean decide(String domainName, String address, String mechanism, List<byte[]> credentials) {
		Domain domain = this.domains.get(domainName);
		RefusalReason reason = (domain != null) ? domain.security().authorize(mechanism, address, credentials)
				: RefusalReason.UNKNOWN_DOMAIN;
		if (reason == null) {
			if (domain != null) {
				domain.listener().allowed(address);
			}
			return true;
		}
		this.refused.increment();
		if (domain != null) {
			domain.listener().refused(address, reason);
		}
		String key = domainName + "|" + address;
		this.refusalLog.warn(logger, key, () -> describe(domain, domainName, address, mechanism, credentials, reason),
				null);
		return false;
	}

	private static String describe(@Nullable Domain domain, String domainName, String address, String mechanism,
			List<byte[]> credentials, RefusalReason reason) {
		String peer = LogSanitizer.sanitize(address);
		if (domain == null) {
			return "ZeroMQ refused a " + LogSanitizer.sanitize(mechanism) + " handshake from " + peer
					+ " to a socket zmq-spring did not configure (ZAP domain '" + LogSanitizer.sanitize(domainName)
					+ "'): with the starter's ZAP handler in the shared context, secure sockets through "
					+ "zmq.endpoints.<name>.security";
		}
		String socket = "ZeroMQ " + domain.description() + " refused ";
		return switch (reason) {
			case CLIENT_KEY -> socket + "a CURVE client from " + peer + ": its public key "
					+ ((credentials.size() == 1) ? CurveKeys.encode(credentials.get(0)) : "(malformed)")
					+ " is not allowed. To let it in, add the key to " + domain.settings()
					+ ".curve.allowed-client-keys, or its certificate to the allowed-clients-directory";
			case CREDENTIALS -> socket + "a PLAIN client from " + peer + " (user '"
					+ ((credentials.isEmpty()) ? ""
							: LogSanitizer.sanitize(new String(credentials.get(0), StandardCharsets.UTF_8), 64))
					+ "'): unknown user name or wrong password (" + domain.settings() + ".plain.users)";
			case ADDRESS -> socket + "a connection from " + peer + ": the address is denied or not allowed by "
					+ domain.settings() + ".allow / .deny";
			case UNKNOWN_DOMAIN -> socket + "a " + LogSanitizer.sanitize(mechanism) + " handshake from " + peer
					+ ": the endpoint expects " + domain.security().mechanism();
		};
	}

	/**
	 * Stop the handler's thread, waiting at most five seconds; later registrations fail.
	 */
	@Override
	public void close() {
		ZapHandler current;
		synchronized (this) {
			this.closed = true;
			current = this.handler;
			this.handler = null;
		}
		if (current != null) {
			current.requestStop();
			if (!current.awaitStop(STOP_TIMEOUT)) {
				logger.warn("The ZeroMQ ZAP handler did not stop within " + STOP_TIMEOUT.toMillis() + " ms");
			}
		}
	}

	/**
	 * Told about each handshake the handler decided for a socket.
	 */
	@FunctionalInterface
	public interface ZapListener {

		/**
		 * Called on the handler's thread for each handshake let in.
		 * @param address the peer's IP address
		 */
		default void allowed(String address) {
		}

		/**
		 * Called on the handler's thread for each refused handshake.
		 * @param address the peer's IP address
		 * @param reason why it was refused
		 */
		void refused(String address, RefusalReason reason);

	}

	private record Domain(ZmqSecurity security, String description, String settings, ZapListener listener) {
	}

}
