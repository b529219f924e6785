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

package io.github.zmqspring.support;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Makes text that may come from a peer safe to put in a log line: exception messages
 * (converters quote what they could not parse; a handler may echo its input), topics,
 * peer addresses, routing ids printed as text. A peer that can put a line break into such
 * text can otherwise forge log lines.
 * <p>
 * CR and LF become {@code \r} and {@code \n}, a tab {@code \t}; every other control
 * character, the Unicode line and paragraph separators and the invisible format
 * characters (such as bidirectional overrides) become {@code \}{@code uXXXX}. The result
 * is cut at {@value #DEFAULT_MAX_LENGTH} characters unless told otherwise, marked with
 * {@code …}. Backslashes are kept as they are: they cannot break a line. Internal to
 * zmq-spring.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public final class LogSanitizer {

	/**
	 * The most characters kept of one piece of text, escapes included.
	 */
	public static final int DEFAULT_MAX_LENGTH = 200;

	private static final int MAX_CAUSES = 32;

	private static final char ELLIPSIS = '\u2026';

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private LogSanitizer() {
	}

	/**
	 * Escape and cut text to {@value #DEFAULT_MAX_LENGTH} characters.
	 * @param text the text, may be {@code null}
	 * @return the safe text ({@code "null"} for {@code null})
	 */
	public static String sanitize(@Nullable Object text) {
		return sanitize(text, DEFAULT_MAX_LENGTH);
	}

	/**
	 * Escape and cut text.
	 * @param text the text, may be {@code null}
	 * @param maxLength the most characters kept, escapes included, before the {@code …}
	 * @return the safe text ({@code "null"} for {@code null})
	 */
	public static String sanitize(@Nullable Object text, int maxLength) {
		String value = String.valueOf(text);
		if (value.length() <= maxLength && isSafe(value)) {
			return value;
		}
		StringBuilder safe = new StringBuilder(Math.min(value.length(), maxLength) + 8);
		for (int i = 0; i < value.length(); i++) {
			String escaped = escape(value.charAt(i));
			if (safe.length() + escaped.length() > maxLength) {
				return safe.append(ELLIPSIS).toString();
			}
			safe.append(escaped);
		}
		return safe.toString();
	}

	/**
	 * Describe a failure for a log line: its class name and its sanitized message, the
	 * way {@link Throwable#toString()} does.
	 * @param failure the failure
	 * @return for example {@code java.lang.IllegalStateException: bad input\r\n…}
	 */
	public static String describe(Throwable failure) {
		String message = failure.getMessage();
		return (message != null) ? failure.getClass().getName() + ": " + sanitize(message)
				: failure.getClass().getName();
	}

	/**
	 * Return a failure whose stack trace can be logged as it is: the failure itself when
	 * no message in its cause chain needs escaping, else a copy of the chain in which
	 * each failure is a {@link SanitizedException} with the original class name, the
	 * sanitized message and the original stack trace.
	 * @param failure the failure
	 * @return the failure or its sanitized copy
	 */
	public static Throwable sanitizeStackTrace(Throwable failure) {
		if (chainIsSafe(failure)) {
			return failure;
		}
		return copy(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
	}

	private static boolean chainIsSafe(Throwable failure) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable current = failure; current != null && seen.add(current); current = current.getCause()) {
			String message = current.getMessage();
			if (message != null && (message.length() > DEFAULT_MAX_LENGTH || !isSafe(message))) {
				return false;
			}
		}
		return true;
	}

	private static Throwable copy(Throwable failure, Set<Throwable> seen) {
		seen.add(failure);
		Throwable cause = failure.getCause();
		// a cycle or an absurdly deep chain ends the copy
		Throwable causeCopy = (cause != null && !seen.contains(cause) && seen.size() < MAX_CAUSES) ? copy(cause, seen)
				: null;
		SanitizedException copy = new SanitizedException(describe(failure), causeCopy);
		copy.setStackTrace(failure.getStackTrace());
		return copy;
	}

	private static boolean isSafe(String value) {
		for (int i = 0; i < value.length(); i++) {
			if (needsEscape(value.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static boolean needsEscape(char c) {
		if (c < 0x20 || c == 0x7f) {
			return true;
		}
		if (c < 0x80) {
			return false;
		}
		int type = Character.getType(c);
		return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
				|| type == Character.FORMAT;
	}

	private static String escape(char c) {
		if (!needsEscape(c)) {
			return String.valueOf(c);
		}
		return switch (c) {
			case '\r' -> "\\r";
			case '\n' -> "\\n";
			case '\t' -> "\\t";
			default -> new String(new char[] { '\\', 'u', HEX[(c >> 12) & 0xf], HEX[(c >> 8) & 0xf],
					HEX[(c >> 4) & 0xf], HEX[c & 0xf] });
		};
	}

	/**
	 * Stands in for a failure whose message had to be escaped: its message starts with
	 * the original class name, its stack trace is the original's.
	 */
	public static final class SanitizedException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		SanitizedException(String description, @Nullable Throwable cause) {
			super(description, cause, false, true);
		}

		@Override
		public String toString() {
			// the description already names the original class
			return String.valueOf(getMessage());
		}

	}

}
