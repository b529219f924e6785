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

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Unit tests of {@link LogSanitizer}.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LogSanitizerTests {

	@Test
	void plainTextIsKeptAsItIs() {
		String text = "tcp://127.0.0.1:5555 topic/\u00e9\u6771 C:\\path";
		assertThat(LogSanitizer.sanitize(text)).isSameAs(text);
	}

	@Test
	void lineBreaksAndTabsAreEscaped() {
		assertThat(LogSanitizer.sanitize("bad\r\nFORGED\tline\n")).isEqualTo("bad\\r\\nFORGED\\tline\\n");
	}

	@Test
	void otherControlAndInvisibleCharactersBecomeUnicodeEscapes() {
		assertThat(LogSanitizer.sanitize("a\u0000b\u001bc\u007fd\u0085e"))
			.isEqualTo("a\\u0000b\\u001bc\\u007fd\\u0085e");
		assertThat(LogSanitizer.sanitize("x\u2028y\u2029z")).isEqualTo("x\\u2028y\\u2029z");
		assertThat(LogSanitizer.sanitize("left\u202eright\u200b")).isEqualTo("left\\u202eright\\u200b");
	}

	@Test
	void nullIsWrittenAsNull() {
		assertThat(LogSanitizer.sanitize(null)).isEqualTo("null");
	}

	@Test
	void longTextIsCutAtTheLimitAndMarked() {
		char[] chars = new char[1000];
		Arrays.fill(chars, 'x');
		String cut = LogSanitizer.sanitize(new String(chars));
		assertThat(cut).hasSize(LogSanitizer.DEFAULT_MAX_LENGTH + 1).endsWith("x\u2026");
		assertThat(LogSanitizer.sanitize("abcdef", 6)).isEqualTo("abcdef");
		assertThat(LogSanitizer.sanitize("abcdefg", 6)).isEqualTo("abcdef\u2026");
	}

	@Test
	void escapesCountTowardsTheLimitAndAreNeverCutInHalf() {
		assertThat(LogSanitizer.sanitize("abcd\nef", 5)).isEqualTo("abcd\u2026");
		assertThat(LogSanitizer.sanitize("abc\nef", 5)).isEqualTo("abc\\n\u2026");
		assertThat(LogSanitizer.sanitize("\u0001\u0001", 8)).isEqualTo("\\u0001\u2026");
	}

	@Test
	void describeNamesTheClassAndEscapesTheMessage() {
		assertThat(LogSanitizer.describe(new IllegalStateException("boom\r\nFORGED")))
			.isEqualTo("java.lang.IllegalStateException: boom\\r\\nFORGED");
		assertThat(LogSanitizer.describe(new IllegalStateException())).isEqualTo("java.lang.IllegalStateException");
	}

	@Test
	void aFailureWithSafeMessagesIsLoggedAsItIs() {
		IllegalStateException failure = new IllegalStateException("fine", new RuntimeException("also fine"));
		assertThat(LogSanitizer.sanitizeStackTrace(failure)).isSameAs(failure);
	}

	@Test
	void aStackTraceWithAForgedLineIsCopiedWithEscapedMessagesAndTheOriginalFrames() {
		RuntimeException cause = new RuntimeException("inner\nFORGED cause");
		IllegalStateException failure = new IllegalStateException("outer\r\nFORGED outer", cause);
		Throwable safe = LogSanitizer.sanitizeStackTrace(failure);
		assertThat(safe).isInstanceOf(LogSanitizer.SanitizedException.class)
			.hasMessage("java.lang.IllegalStateException: outer\\r\\nFORGED outer");
		assertThat(safe.getStackTrace()).isEqualTo(failure.getStackTrace());
		assertThat(safe.getCause()).hasMessage("java.lang.RuntimeException: inner\\nFORGED cause");
		assertThat(safe.getCause().getStackTrace()).isEqualTo(cause.getStackTrace());
		StringWriter printed = new StringWriter();
		safe.printStackTrace(new PrintWriter(printed));
		assertThat(printed.toString().lines()).noneMatch((line) -> line.startsWith("FORGED"))
			.anyMatch((line) -> line.startsWith("Caused by: java.lang.RuntimeException: inner\\nFORGED cause"))
			.anyMatch((line) -> line.contains("LogSanitizerTests"));
	}

	@Test
	void aCycleInTheCauseChainEndsTheCopy() {
		RuntimeException first = new RuntimeException("first\n");
		RuntimeException second = new RuntimeException("second", first);
		first.initCause(second);
		Throwable safe = LogSanitizer.sanitizeStackTrace(first);
		assertThat(safe.getCause()).hasMessage("java.lang.RuntimeException: second");
		assertThat(safe.getCause().getCause()).isNull();
	}

}
