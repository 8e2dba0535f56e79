package nbsite

import (
	"context"
	"fmt"

	"github.com/wikiwarden/wikiwarden/bot"
)

// Notify is not supported: NodeBB 1.4 has no talk page, and a chat message
// from a moderator account to a spammer helps nobody. The bot goes without.
func (s *Site) Notify(context.Context, bot.Notice) (bot.Notified, error) {
	return bot.Notified{}, bot.WithKind(bot.ErrPermanent, fmt.Errorf("notify: %w", bot.ErrUnsupported))
}

// Reports is not supported yet: a forum has no report topic (Self's
// ReportPlace is empty), so the bot never asks.
func (s *Site) Reports(context.Context) ([]bot.Report, error) {
	return nil, bot.WithKind(bot.ErrPermanent, fmt.Errorf("read reports: %w", bot.ErrUnsupported))
}

// Answer is not supported: see Reports.
func (s *Site) Answer(context.Context, bot.Answer) error {
	return bot.WithKind(bot.ErrPermanent, fmt.Errorf("answer a report: %w", bot.ErrUnsupported))
}
